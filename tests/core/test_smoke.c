#include <linux/dmaengine.h>
#include <dmakit/board.h>
int main(void)
{
	dma_cap_mask_t mask;
	struct dma_chan *chan;

	if (dmakit_boot(NULL))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan)
		return 1;
	dma_release_channel(chan);
	dmakit_shutdown();
	return 0;
}
