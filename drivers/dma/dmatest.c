// SPDX-License-Identifier: GPL-2.0-only
/*
 * DMA Engine test client: a port of the kernel's drivers/dma/dmatest.c.
 *
 * The test threads, buffer patterns, verification and the result and
 * summary lines are the kernel's.  The sysfs control flow (channel=,
 * run=1, wait, test_list) is replaced by dmatest_run()/dmatest_list()
 * (include/dmakit/dmatest.h), which check the parameters first and
 * report bad ones with one error line.  See docs/dmatest.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/freezer.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <dmakit/dmaengine.h>
#include <dmakit/dmatest.h>
#include <dmakit/module.h>
#include <dmakit/wait.h>

/**
 * struct dmatest_info - test information.
 * @params:		test parameters
 * @channels:		channels under test
 * @nr_channels:	number of channels under test
 * @lock:		access protection to the fields of this structure
 * @list_only:		request channels and count threads, start none
 */
static struct dmatest_info {
	struct dmatest_params	params;
	struct list_head	channels;
	unsigned int		nr_channels;
	struct mutex		lock;
	bool			list_only;
} test_info = {
	.channels = LIST_HEAD_INIT(test_info.channels),
	.lock = __MUTEX_INITIALIZER(test_info.lock),
};

static int stop_requested;

/* Maximum amount of mismatched bytes in buffer to print */
#define MAX_ERROR_COUNT		32

/*
 * Initialization patterns. All bytes in the source buffer has bit 7
 * set, all bytes in the destination buffer has bit 7 cleared.
 *
 * Bit 6 is set for all bytes which are to be copied by the DMA
 * engine. Bit 5 is set for all bytes which are to be overwritten by
 * the DMA engine.
 *
 * The remaining bits are the inverse of a counter which increments by
 * one for each byte address.
 */
#define PATTERN_SRC		0x80
#define PATTERN_DST		0x00
#define PATTERN_COPY		0x40
#define PATTERN_OVERWRITE	0x20
#define PATTERN_COUNT_MASK	0x1f
#define PATTERN_MEMSET_IDX	0x01

/* Fixed point arithmetic ops */
#define FIXPT_SHIFT		8
#define FIXPNT_MASK		0xFF
#define FIXPT_TO_INT(a)	((a) >> FIXPT_SHIFT)
#define INT_TO_FIXPT(a)	((a) << FIXPT_SHIFT)
#define FIXPT_GET_FRAC(a)	((((a) & FIXPNT_MASK) * 100) >> FIXPT_SHIFT)

/* The map count of struct dmaengine_unmap_data is a u8 in the kernel. */
#define DMATEST_MAX_BUFS	255

/* poor man's completion - we want to use wait_event_freezable() on it */
struct dmatest_done {
	bool			done;
	wait_queue_head_t	*wait;
};

struct dmatest_data {
	u8		**raw;
	u8		**aligned;
	gfp_t		gfp_flags;
	unsigned int	cnt;
	unsigned int	off;
};

struct dmatest_thread {
	struct list_head	node;
	struct dmatest_info	*info;
	struct task_struct	*task;
	struct dma_chan		*chan;
	struct dmatest_data	src;
	struct dmatest_data	dst;
	enum dma_transaction_type type;
	wait_queue_head_t done_wait;
	struct dmatest_done test_done;
	bool			done;
	bool			pending;
	/* what the summary line said, for dmatest_run()'s report */
	unsigned int		total_tests;
	unsigned int		failed_tests;
	int			ret;
};

struct dmatest_chan {
	struct list_head	node;
	struct dma_chan		*chan;
	struct list_head	threads;
};

static DECLARE_WAIT_QUEUE_HEAD(thread_wait);

static bool dmatest_match_channel(struct dmatest_params *params,
		struct dma_chan *chan)
{
	if (params->channel[0] == '\0')
		return true;
	return strcmp(dma_chan_name(chan), params->channel) == 0;
}

static bool dmatest_match_device(struct dmatest_params *params,
		struct dma_device *device)
{
	if (params->device[0] == '\0')
		return true;
	return strcmp(dev_name(device->dev), params->device) == 0;
}

static unsigned long dmatest_random(void)
{
	unsigned long buf;

	get_random_bytes(&buf, sizeof(buf));
	return buf;
}

static inline u8 gen_inv_idx(u8 index, bool is_memset)
{
	u8 val = is_memset ? PATTERN_MEMSET_IDX : index;

	return ~val & PATTERN_COUNT_MASK;
}

static inline u8 gen_src_value(u8 index, bool is_memset)
{
	return PATTERN_SRC | gen_inv_idx(index, is_memset);
}

static inline u8 gen_dst_value(u8 index, bool is_memset)
{
	return PATTERN_DST | gen_inv_idx(index, is_memset);
}

static void dmatest_init_srcs(u8 **bufs, unsigned int start, unsigned int len,
		unsigned int buf_size, bool is_memset)
{
	unsigned int i;
	u8 *buf;

	for (; (buf = *bufs); bufs++) {
		for (i = 0; i < start; i++)
			buf[i] = gen_src_value(i, is_memset);
		for ( ; i < start + len; i++)
			buf[i] = gen_src_value(i, is_memset) | PATTERN_COPY;
		for ( ; i < buf_size; i++)
			buf[i] = gen_src_value(i, is_memset);
	}
}

static void dmatest_init_dsts(u8 **bufs, unsigned int start, unsigned int len,
		unsigned int buf_size, bool is_memset)
{
	unsigned int i;
	u8 *buf;

	for (; (buf = *bufs); bufs++) {
		for (i = 0; i < start; i++)
			buf[i] = gen_dst_value(i, is_memset);
		for ( ; i < start + len; i++)
			buf[i] = gen_dst_value(i, is_memset) |
						PATTERN_OVERWRITE;
		for ( ; i < buf_size; i++)
			buf[i] = gen_dst_value(i, is_memset);
	}
}

static void dmatest_mismatch(u8 actual, u8 pattern, unsigned int index,
		unsigned int counter, bool is_srcbuf, bool is_memset)
{
	u8		diff = actual ^ pattern;
	u8		expected = pattern | gen_inv_idx(counter, is_memset);
	const char	*thread_name = current->comm;

	if (is_srcbuf)
		pr_warn("%s: srcbuf[0x%x] overwritten! Expected %02x, got %02x\n",
			thread_name, index, expected, actual);
	else if ((pattern & PATTERN_COPY)
			&& (diff & (PATTERN_COPY | PATTERN_OVERWRITE)))
		pr_warn("%s: dstbuf[0x%x] not copied! Expected %02x, got %02x\n",
			thread_name, index, expected, actual);
	else if (diff & PATTERN_SRC)
		pr_warn("%s: dstbuf[0x%x] was copied! Expected %02x, got %02x\n",
			thread_name, index, expected, actual);
	else
		pr_warn("%s: dstbuf[0x%x] mismatch! Expected %02x, got %02x\n",
			thread_name, index, expected, actual);
}

static unsigned int dmatest_verify(u8 **bufs, unsigned int start,
		unsigned int end, unsigned int counter, u8 pattern,
		bool is_srcbuf, bool is_memset)
{
	unsigned int i;
	unsigned int error_count = 0;
	u8 actual;
	u8 expected;
	u8 *buf;
	unsigned int counter_orig = counter;

	for (; (buf = *bufs); bufs++) {
		counter = counter_orig;
		for (i = start; i < end; i++) {
			actual = buf[i];
			expected = pattern | gen_inv_idx(counter, is_memset);
			if (actual != expected) {
				if (error_count < MAX_ERROR_COUNT)
					dmatest_mismatch(actual, pattern, i,
							 counter, is_srcbuf,
							 is_memset);
				error_count++;
			}
			counter++;
		}
	}

	if (error_count > MAX_ERROR_COUNT)
		pr_warn("%s: %u errors suppressed\n",
			current->comm, error_count - MAX_ERROR_COUNT);

	return error_count;
}

static void dmatest_callback(void *arg)
{
	struct dmatest_done *done = arg;
	struct dmatest_thread *thread =
		container_of(done, struct dmatest_thread, test_done);

	if (!READ_ONCE(thread->done)) {
		WRITE_ONCE(done->done, true);
		wake_up_all(done->wait);
	} else {
		/*
		 * If thread->done, it means that this callback occurred
		 * after the parent thread has cleaned up. This can
		 * happen in the case that driver doesn't implement
		 * the terminate_all() functionality and a dma operation
		 * did not occur within the timeout period
		 */
		WARN(1, "dmatest: Kernel memory may be corrupted!!\n");
	}
}

static unsigned int min_odd(unsigned int x, unsigned int y)
{
	unsigned int val = min(x, y);

	return val % 2 ? val : val - 1;
}

static void result(const char *err, unsigned int n, unsigned int src_off,
		   unsigned int dst_off, unsigned int len, unsigned long data)
{
	if (IS_ERR_VALUE(data)) {
		pr_info("%s: result #%u: '%s' with src_off=0x%x dst_off=0x%x len=0x%x (%ld)\n",
			current->comm, n, err, src_off, dst_off, len, (long)data);
	} else {
		pr_info("%s: result #%u: '%s' with src_off=0x%x dst_off=0x%x len=0x%x (%lu)\n",
			current->comm, n, err, src_off, dst_off, len, data);
	}
}

static void dbg_result(const char *err, unsigned int n, unsigned int src_off,
		       unsigned int dst_off, unsigned int len,
		       unsigned long data)
{
	pr_debug("%s: result #%u: '%s' with src_off=0x%x dst_off=0x%x len=0x%x (%lu)\n",
		 current->comm, n, err, src_off, dst_off, len, data);
}

#define verbose_result(err, n, src_off, dst_off, len, data) ({	\
	if (params->verbose)					\
		result(err, n, src_off, dst_off, len, data);	\
	else							\
		dbg_result(err, n, src_off, dst_off, len, data);\
})

static unsigned long long dmatest_persec(s64 runtime, unsigned int val)
{
	unsigned long long per_sec = 1000000;

	if (runtime <= 0)
		return 0;

	/* drop precision until runtime is 32-bits */
	while (runtime > UINT_MAX) {
		runtime >>= 1;
		per_sec <<= 1;
	}

	per_sec *= val;
	per_sec = INT_TO_FIXPT(per_sec);
	do_div(per_sec, (u32)runtime);

	return per_sec;
}

static unsigned long long dmatest_KBs(s64 runtime, unsigned long long len)
{
	return FIXPT_TO_INT(dmatest_persec(runtime, len >> 10));
}

static void __dmatest_free_test_data(struct dmatest_data *d, unsigned int cnt)
{
	unsigned int i;

	for (i = 0; i < cnt; i++)
		kfree(d->raw[i]);

	kfree(d->aligned);
	kfree(d->raw);
}

static void dmatest_free_test_data(struct dmatest_data *d)
{
	__dmatest_free_test_data(d, d->cnt);
}

/*
 * The kernel passes the alignment exponent to PTR_ALIGN() here (and
 * kmalloc's own alignment hides it); dmakit aligns to 2^align bytes.
 */
static int dmatest_alloc_test_data(struct dmatest_data *d,
		unsigned int buf_size, u8 align)
{
	unsigned int i = 0;

	d->raw = kcalloc(d->cnt + 1, sizeof(u8 *), GFP_KERNEL);
	if (!d->raw)
		return -ENOMEM;

	d->aligned = kcalloc(d->cnt + 1, sizeof(u8 *), GFP_KERNEL);
	if (!d->aligned)
		goto err;

	for (i = 0; i < d->cnt; i++) {
		d->raw[i] = kmalloc(buf_size + (1UL << align), d->gfp_flags);
		if (!d->raw[i])
			goto err;

		/* align to alignment restriction */
		if (align)
			d->aligned[i] = PTR_ALIGN(d->raw[i], 1UL << align);
		else
			d->aligned[i] = d->raw[i];
	}

	return 0;
err:
	__dmatest_free_test_data(d, i);
	return -ENOMEM;
}

static u8 dmatest_align(const struct dmatest_params *params,
			enum dmaengine_alignment dev_align)
{
	return params->alignment < 0 ? (u8)dev_align : (u8)params->alignment;
}

/*
 * Buffer counts and alignment of a thread of @type on @dev, as the
 * kernel's dmatest_func() computes them.  Returns -EINVAL for a type
 * dmatest does not test.
 */
static int dmatest_thread_shape(const struct dmatest_params *params,
				struct dma_device *dev,
				enum dma_transaction_type type,
				unsigned int *src_cnt, unsigned int *dst_cnt,
				u8 *align)
{
	switch (type) {
	case DMA_MEMCPY:
		*align = dmatest_align(params, dev->copy_align);
		*src_cnt = *dst_cnt = 1;
		break;
	case DMA_MEMSET:
		*align = dmatest_align(params, dev->fill_align);
		*src_cnt = *dst_cnt = 1;
		break;
	case DMA_XOR:
		/* force odd to ensure dst = src */
		*src_cnt = min_odd(params->xor_sources | 1, dev->max_xor);
		*dst_cnt = 1;
		*align = dmatest_align(params, dev->xor_align);
		break;
	case DMA_PQ:
		/* force odd to ensure dst = src */
		*src_cnt = min_odd(params->pq_sources | 1, dma_maxpq(dev, 0));
		*dst_cnt = 2;
		*align = dmatest_align(params, dev->pq_align);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/*
 * This function repeatedly tests DMA transfers of various lengths and
 * offsets for a given operation type until it is told to exit by
 * kthread_stop(). There may be multiple threads running this function
 * in parallel for a single channel, and there may be multiple channels
 * being tested in parallel.
 *
 * Before each test, the source and destination buffer is initialized
 * with a known pattern. This pattern is different depending on
 * whether it's in an area which is supposed to be copied or
 * overwritten, and different in the source and destination buffers.
 * So if the DMA engine doesn't copy exactly what we tell it to copy,
 * we'll notice.
 */
static int dmatest_func(void *data)
{
	struct dmatest_thread	*thread = data;
	struct dmatest_done	*done = &thread->test_done;
	struct dmatest_info	*info;
	struct dmatest_params	*params;
	struct dma_chan		*chan;
	struct dma_device	*dev;
	struct device		*dma_dev;
	unsigned int		error_count;
	unsigned int		failed_tests = 0;
	unsigned int		total_tests = 0;
	dma_cookie_t		cookie;
	enum dma_status		status = DMA_IN_PROGRESS;
	enum dma_ctrl_flags	flags;
	u8			*pq_coefs = NULL;
	int			ret;
	unsigned int		buf_size;
	struct dmatest_data	*src;
	struct dmatest_data	*dst;
	unsigned int		i;
	ktime_t			ktime, start, diff;
	ktime_t			filltime = 0;
	ktime_t			comparetime = 0;
	s64			runtime = 0;
	unsigned long long	total_len = 0;
	unsigned long long	iops = 0;
	u8			align = 0;
	bool			is_memset = false;
	dma_addr_t		*srcs;
	dma_addr_t		*dma_pq;

	set_freezable();

	ret = -ENOMEM;

	smp_rmb();
	WRITE_ONCE(thread->pending, false);
	info = thread->info;
	params = &info->params;
	chan = thread->chan;
	dev = chan->device;
	dma_dev = dmaengine_get_dma_device(chan);

	src = &thread->src;
	dst = &thread->dst;
	if (dmatest_thread_shape(params, dev, thread->type, &src->cnt,
				 &dst->cnt, &align))
		goto err_thread_type;
	is_memset = thread->type == DMA_MEMSET;
	if (thread->type == DMA_PQ) {
		pq_coefs = kmalloc(params->pq_sources + 1, GFP_KERNEL);
		if (!pq_coefs)
			goto err_thread_type;

		for (i = 0; i < src->cnt; i++)
			pq_coefs[i] = 1;
	}

	/* Check if buffer count fits into map count variable (u8) */
	if ((src->cnt + dst->cnt) >= DMATEST_MAX_BUFS) {
		pr_err("too many buffers (%d of 255 supported)\n",
		       src->cnt + dst->cnt);
		goto err_free_coefs;
	}

	buf_size = params->buf_size;
	if (1UL << align > buf_size) {
		pr_err("%u-byte buffer too small for %d-byte alignment\n",
		       buf_size, 1 << align);
		goto err_free_coefs;
	}

	src->gfp_flags = GFP_KERNEL;
	dst->gfp_flags = GFP_KERNEL;
	if (params->nobounce) {
		src->gfp_flags = GFP_DMA;
		dst->gfp_flags = GFP_DMA;
	}

	if (dmatest_alloc_test_data(src, buf_size, align) < 0)
		goto err_free_coefs;

	if (dmatest_alloc_test_data(dst, buf_size, align) < 0)
		goto err_src;

	srcs = kcalloc(src->cnt, sizeof(dma_addr_t), GFP_KERNEL);
	if (!srcs)
		goto err_dst;

	dma_pq = kcalloc(dst->cnt, sizeof(dma_addr_t), GFP_KERNEL);
	if (!dma_pq)
		goto err_srcs_array;

	/*
	 * src and dst buffers are freed by ourselves below
	 */
	if (params->polled)
		flags = DMA_CTRL_ACK;
	else
		flags = DMA_CTRL_ACK | DMA_PREP_INTERRUPT;

	ktime = ktime_get();
	while (!(kthread_should_stop() ||
	       (params->iterations && total_tests >= params->iterations))) {
		struct dma_async_tx_descriptor *tx = NULL;
		struct dmaengine_unmap_data *um;
		dma_addr_t *dsts;
		unsigned int len;

		total_tests++;
		WRITE_ONCE(thread->total_tests, total_tests);

		if (params->transfer_size) {
			if (params->transfer_size >= buf_size) {
				pr_err("%u-byte transfer size must be lower than %u-buffer size\n",
				       params->transfer_size, buf_size);
				break;
			}
			len = params->transfer_size;
		} else if (params->norandom) {
			len = buf_size;
		} else {
			len = dmatest_random() % buf_size + 1;
		}

		/* Do not alter transfer size explicitly defined by user */
		if (!params->transfer_size) {
			len = (len >> align) << align;
			if (!len)
				len = 1 << align;
		}
		total_len += len;

		if (params->norandom) {
			src->off = 0;
			dst->off = 0;
		} else {
			src->off = dmatest_random() % (buf_size - len + 1);
			dst->off = dmatest_random() % (buf_size - len + 1);

			src->off = (src->off >> align) << align;
			dst->off = (dst->off >> align) << align;
		}

		if (!params->noverify) {
			start = ktime_get();
			dmatest_init_srcs(src->aligned, src->off, len,
					  buf_size, is_memset);
			dmatest_init_dsts(dst->aligned, dst->off, len,
					  buf_size, is_memset);

			diff = ktime_sub(ktime_get(), start);
			filltime = ktime_add(filltime, diff);
		}

		um = dmaengine_get_unmap_data(dma_dev, src->cnt + dst->cnt,
					      GFP_KERNEL);
		if (!um) {
			failed_tests++;
			WRITE_ONCE(thread->failed_tests, failed_tests);
			result("unmap data NULL", total_tests,
			       src->off, dst->off, len, ret);
			continue;
		}

		um->len = buf_size;
		for (i = 0; i < src->cnt; i++) {
			void *buf = src->aligned[i];
			struct page *pg = virt_to_page(buf);
			unsigned long pg_off = offset_in_page(buf);

			um->addr[i] = dma_map_page(dma_dev, pg, pg_off,
						   um->len, DMA_TO_DEVICE);
			srcs[i] = um->addr[i] + src->off;
			ret = dma_mapping_error(dma_dev, um->addr[i]);
			if (ret) {
				result("src mapping error", total_tests,
				       src->off, dst->off, len, ret);
				goto error_unmap_continue;
			}
			um->to_cnt++;
		}
		/* map with DMA_BIDIRECTIONAL to force writeback/invalidate */
		dsts = &um->addr[src->cnt];
		for (i = 0; i < dst->cnt; i++) {
			void *buf = dst->aligned[i];
			struct page *pg = virt_to_page(buf);
			unsigned long pg_off = offset_in_page(buf);

			dsts[i] = dma_map_page(dma_dev, pg, pg_off, um->len,
					       DMA_BIDIRECTIONAL);
			ret = dma_mapping_error(dma_dev, dsts[i]);
			if (ret) {
				result("dst mapping error", total_tests,
				       src->off, dst->off, len, ret);
				goto error_unmap_continue;
			}
			um->bidi_cnt++;
		}

		if (thread->type == DMA_MEMCPY)
			tx = dev->device_prep_dma_memcpy(chan,
							 dsts[0] + dst->off,
							 srcs[0], len, flags);
		else if (thread->type == DMA_MEMSET)
			tx = dev->device_prep_dma_memset(chan,
						dsts[0] + dst->off,
						*(src->aligned[0] + src->off),
						len, flags);
		else if (thread->type == DMA_XOR)
			tx = dev->device_prep_dma_xor(chan,
						      dsts[0] + dst->off,
						      srcs, src->cnt,
						      len, flags);
		else if (thread->type == DMA_PQ) {
			for (i = 0; i < dst->cnt; i++)
				dma_pq[i] = dsts[i] + dst->off;
			tx = dev->device_prep_dma_pq(chan, dma_pq, srcs,
						     src->cnt, pq_coefs,
						     len, flags);
		}

		if (!tx) {
			result("prep error", total_tests, src->off,
			       dst->off, len, ret);
			msleep(100);
			goto error_unmap_continue;
		}

		WRITE_ONCE(done->done, false);
		if (!params->polled) {
			tx->callback = dmatest_callback;
			tx->callback_param = done;
		}
		cookie = tx->tx_submit(tx);

		if (dma_submit_error(cookie)) {
			result("submit error", total_tests, src->off,
			       dst->off, len, ret);
			msleep(100);
			goto error_unmap_continue;
		}

		if (params->polled) {
			status = dma_sync_wait(chan, cookie);
			dmaengine_terminate_sync(chan);
			if (status == DMA_COMPLETE)
				WRITE_ONCE(done->done, true);
		} else {
			dma_async_issue_pending(chan);

			wait_event_freezable_timeout(thread->done_wait,
					READ_ONCE(done->done),
					msecs_to_jiffies(params->timeout));

			status = dma_async_is_tx_complete(chan, cookie, NULL,
							  NULL);
		}

		if (!READ_ONCE(done->done)) {
			result("test timed out", total_tests, src->off, dst->off,
			       len, 0);
			goto error_unmap_continue;
		} else if (status != DMA_COMPLETE &&
			   !(dma_has_cap(DMA_COMPLETION_NO_ORDER,
					 dev->cap_mask) &&
			     status == DMA_OUT_OF_ORDER)) {
			result(status == DMA_ERROR ?
			       "completion error status" :
			       "completion busy status", total_tests, src->off,
			       dst->off, len, ret);
			goto error_unmap_continue;
		}

		dmaengine_unmap_put(um);

		if (params->noverify) {
			verbose_result("test passed", total_tests, src->off,
				       dst->off, len, 0);
			continue;
		}

		start = ktime_get();
		pr_debug("%s: verifying source buffer...\n", current->comm);
		error_count = dmatest_verify(src->aligned, 0, src->off,
				0, PATTERN_SRC, true, is_memset);
		error_count += dmatest_verify(src->aligned, src->off,
				src->off + len, src->off,
				PATTERN_SRC | PATTERN_COPY, true, is_memset);
		error_count += dmatest_verify(src->aligned, src->off + len,
				buf_size, src->off + len,
				PATTERN_SRC, true, is_memset);

		pr_debug("%s: verifying dest buffer...\n", current->comm);
		error_count += dmatest_verify(dst->aligned, 0, dst->off,
				0, PATTERN_DST, false, is_memset);

		error_count += dmatest_verify(dst->aligned, dst->off,
				dst->off + len, src->off,
				PATTERN_SRC | PATTERN_COPY, false, is_memset);

		error_count += dmatest_verify(dst->aligned, dst->off + len,
				buf_size, dst->off + len,
				PATTERN_DST, false, is_memset);

		diff = ktime_sub(ktime_get(), start);
		comparetime = ktime_add(comparetime, diff);

		if (error_count) {
			result("data error", total_tests, src->off, dst->off,
			       len, error_count);
			failed_tests++;
			WRITE_ONCE(thread->failed_tests, failed_tests);
		} else {
			verbose_result("test passed", total_tests, src->off,
				       dst->off, len, 0);
		}

		continue;

error_unmap_continue:
		dmaengine_unmap_put(um);
		failed_tests++;
		WRITE_ONCE(thread->failed_tests, failed_tests);
	}
	ktime = ktime_sub(ktime_get(), ktime);
	ktime = ktime_sub(ktime, comparetime);
	ktime = ktime_sub(ktime, filltime);
	runtime = ktime_to_us(ktime);

	ret = 0;
	kfree(dma_pq);
err_srcs_array:
	kfree(srcs);
err_dst:
	dmatest_free_test_data(dst);
err_src:
	dmatest_free_test_data(src);
err_free_coefs:
	kfree(pq_coefs);
err_thread_type:
	iops = dmatest_persec(runtime, total_tests);
	pr_info("%s: summary %u tests, %u failures %llu.%02llu iops %llu KB/s (%d)\n",
		current->comm, total_tests, failed_tests,
		FIXPT_TO_INT(iops), FIXPT_GET_FRAC(iops),
		dmatest_KBs(runtime, total_len), ret);

	/* terminate all transfers on specified channels */
	if (ret || failed_tests)
		dmaengine_terminate_sync(chan);

	WRITE_ONCE(thread->total_tests, total_tests);
	WRITE_ONCE(thread->failed_tests, failed_tests);
	WRITE_ONCE(thread->ret, ret);
	smp_store_release(&thread->done, true);
	wake_up(&thread_wait);

	return ret;
}

static void dmatest_cleanup_channel(struct dmatest_chan *dtc)
{
	struct dmatest_thread	*thread;
	struct dmatest_thread	*_thread;
	int			ret;

	list_for_each_entry_safe(thread, _thread, &dtc->threads, node) {
		if (thread->task) {
			ret = kthread_stop(thread->task);
			pr_debug("thread %s-%u exited with status %d\n",
				 dma_chan_name(dtc->chan), thread->type, ret);
		}
	}

	/*
	 * terminate all transfers on specified channels; dmakit does this
	 * before freeing the threads, so that a callback still running
	 * cannot touch a freed thread (the kernel frees them first).
	 */
	dmaengine_terminate_sync(dtc->chan);

	list_for_each_entry_safe(thread, _thread, &dtc->threads, node) {
		list_del(&thread->node);
		kfree(thread);
	}

	kfree(dtc);
}

static int dmatest_add_threads(struct dmatest_info *info,
		struct dmatest_chan *dtc, enum dma_transaction_type type)
{
	struct dmatest_params *params = &info->params;
	struct dmatest_thread *thread;
	struct dma_chan *chan = dtc->chan;
	char *op;
	unsigned int i;

	if (type == DMA_MEMCPY)
		op = "copy";
	else if (type == DMA_MEMSET)
		op = "set";
	else if (type == DMA_XOR)
		op = "xor";
	else if (type == DMA_PQ)
		op = "pq";
	else
		return -EINVAL;

	for (i = 0; i < params->threads_per_chan; i++) {
		thread = kzalloc(sizeof(struct dmatest_thread), GFP_KERNEL);
		if (!thread) {
			pr_warn("No memory for %s-%s%u\n",
				dma_chan_name(chan), op, i);
			break;
		}
		thread->info = info;
		thread->chan = dtc->chan;
		thread->type = type;
		thread->test_done.wait = &thread->done_wait;
		init_waitqueue_head(&thread->done_wait);
		/* before the thread exists (the kernel sets it after) */
		thread->pending = true;
		smp_wmb();
		if (!info->list_only) {
			thread->task = kthread_create(dmatest_func, thread,
					"%s-%s%u", dma_chan_name(chan), op, i);
			if (IS_ERR(thread->task)) {
				pr_warn("Failed to create thread %s-%s%u\n",
					dma_chan_name(chan), op, i);
				kfree(thread);
				break;
			}
		}

		/* srcbuf and dstbuf are allocated by the thread itself */
		list_add_tail(&thread->node, &dtc->threads);
	}

	return i;
}

static bool dmatest_want(const struct dmatest_params *params,
			 enum dma_transaction_type type)
{
	if (type == DMA_MEMCPY)
		return params->dmatest == DMATEST_MEMCPY ||
		       params->dmatest == DMATEST_ALL;
	return params->dmatest == DMATEST_MEMSET ||
	       params->dmatest == DMATEST_ALL;
}

static int dmatest_add_channel(struct dmatest_info *info,
		struct dma_chan *chan)
{
	struct dmatest_chan	*dtc;
	struct dma_device	*dma_dev = chan->device;
	unsigned int		thread_count = 0;
	int cnt;

	dtc = kmalloc(sizeof(struct dmatest_chan), GFP_KERNEL);
	if (!dtc) {
		pr_warn("No memory for %s\n", dma_chan_name(chan));
		return -ENOMEM;
	}

	dtc->chan = chan;
	INIT_LIST_HEAD(&dtc->threads);

	if (dma_has_cap(DMA_COMPLETION_NO_ORDER, dma_dev->cap_mask) &&
	    info->params.polled) {
		info->params.polled = false;
		pr_warn("DMA_COMPLETION_NO_ORDER, polled disabled\n");
	}

	if (dma_has_cap(DMA_MEMCPY, dma_dev->cap_mask)) {
		if (dmatest_want(&info->params, DMA_MEMCPY)) {
			cnt = dmatest_add_threads(info, dtc, DMA_MEMCPY);
			thread_count += cnt > 0 ? cnt : 0;
		}
	}

	if (dma_has_cap(DMA_MEMSET, dma_dev->cap_mask)) {
		if (dmatest_want(&info->params, DMA_MEMSET)) {
			cnt = dmatest_add_threads(info, dtc, DMA_MEMSET);
			thread_count += cnt > 0 ? cnt : 0;
		}
	}

	if (dma_has_cap(DMA_XOR, dma_dev->cap_mask)) {
		cnt = dmatest_add_threads(info, dtc, DMA_XOR);
		thread_count += cnt > 0 ? cnt : 0;
	}
	if (dma_has_cap(DMA_PQ, dma_dev->cap_mask)) {
		cnt = dmatest_add_threads(info, dtc, DMA_PQ);
		thread_count += cnt > 0 ? cnt : 0;
	}

	if (!info->list_only)
		pr_info("Added %u threads using %s\n",
			thread_count, dma_chan_name(chan));

	list_add_tail(&dtc->node, &info->channels);
	info->nr_channels++;

	return 0;
}

static bool filter(struct dma_chan *chan, void *param)
{
	return dmatest_match_channel(param, chan) && dmatest_match_device(param, chan->device);
}

static void request_channels(struct dmatest_info *info,
			     enum dma_transaction_type type)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(type, mask);
	for (;;) {
		struct dmatest_params *params = &info->params;
		struct dma_chan *chan;

		/*
		 * dmakit: the kernel checks max_channels only after adding
		 * a channel, so each operation type could add one more.
		 */
		if (params->max_channels &&
		    info->nr_channels >= params->max_channels)
			break;
		chan = dma_request_channel(mask, filter, params);
		if (chan) {
			if (dmatest_add_channel(info, chan)) {
				dma_release_channel(chan);
				break; /* add_channel failed, punt */
			}
		} else
			break; /* no more channels available */
		if (params->max_channels &&
		    info->nr_channels >= params->max_channels)
			break; /* we have all we need */
	}
}

static void add_threaded_test(struct dmatest_info *info)
{
	request_channels(info, DMA_MEMCPY);
	request_channels(info, DMA_MEMSET);
	request_channels(info, DMA_XOR);
	request_channels(info, DMA_PQ);
}

static unsigned int run_pending_tests(struct dmatest_info *info)
{
	struct dmatest_chan *dtc;
	unsigned int thread_count, total = 0;

	list_for_each_entry(dtc, &info->channels, node) {
		struct dmatest_thread *thread;

		thread_count = 0;
		list_for_each_entry(thread, &dtc->threads, node) {
			wake_up_process(thread->task);
			thread_count++;
		}
		pr_info("Started %u threads using %s\n",
			thread_count, dma_chan_name(dtc->chan));
		total += thread_count;
	}
	return total;
}

static void stop_threaded_test(struct dmatest_info *info)
{
	struct dmatest_chan *dtc, *_dtc;
	struct dma_chan *chan;

	list_for_each_entry_safe(dtc, _dtc, &info->channels, node) {
		list_del(&dtc->node);
		chan = dtc->chan;
		dmatest_cleanup_channel(dtc);
		pr_debug("dropped channel %s\n", dma_chan_name(chan));
		dma_release_channel(chan);
	}

	info->nr_channels = 0;
}

static void dmatest_test_list(struct dmatest_info *info)
{
	struct dmatest_chan *dtc;
	unsigned int thread_count = 0;

	list_for_each_entry(dtc, &info->channels, node) {
		struct dmatest_thread *thread;

		thread_count = 0;
		list_for_each_entry(thread, &dtc->threads, node) {
			thread_count++;
		}
		pr_info("%u threads using %s\n",
			thread_count, dma_chan_name(dtc->chan));
	}
}

/* --- the host API: checks, run, wait and report --- */

void dmatest_params_init(struct dmatest_params *params)
{
	memset(params, 0, sizeof(*params));
	params->buf_size = 16384;
	params->threads_per_chan = 1;
	params->xor_sources = 3;
	params->pq_sources = 3;
	params->timeout = 3000;
	params->alignment = -1;
	params->dmatest = DMATEST_MEMCPY;
}
EXPORT_SYMBOL_GPL(dmatest_params_init);

static int dmatest_check_params(const struct dmatest_params *p)
{
	if (!p->buf_size) {
		pr_err("test_buf_size must not be 0\n");
		return -EINVAL;
	}
	if (!p->threads_per_chan) {
		pr_err("threads_per_chan must not be 0\n");
		return -EINVAL;
	}
	if (p->dmatest > DMATEST_ALL) {
		pr_err("dmatest=%u: must be 0 (memcpy), 1 (memset) or 2 (all)\n",
		       p->dmatest);
		return -EINVAL;
	}
	if (p->alignment < -1 || p->alignment > 30) {
		pr_err("alignment=%d: must be -1 (device's) or 0..30\n",
		       p->alignment);
		return -EINVAL;
	}
	if (p->alignment >= 0 && 1U << p->alignment > p->buf_size) {
		pr_err("%u-byte buffer too small for %d-byte alignment\n",
		       p->buf_size, 1 << p->alignment);
		return -EINVAL;
	}
	if (p->transfer_size && p->transfer_size >= p->buf_size) {
		pr_err("%u-byte transfer size must be lower than %u-buffer size\n",
		       p->transfer_size, p->buf_size);
		return -EINVAL;
	}
	/* (sources | 1) + destinations must stay below 255 buffers */
	if (!p->xor_sources || (p->xor_sources | 1) + 1 >= DMATEST_MAX_BUFS) {
		pr_err("xor_sources=%u out of range (1..253)\n", p->xor_sources);
		return -EINVAL;
	}
	if (!p->pq_sources || (p->pq_sources | 1) + 2 >= DMATEST_MAX_BUFS) {
		pr_err("pq_sources=%u out of range (1..251)\n", p->pq_sources);
		return -EINVAL;
	}
	if (p->timeout < -1) {
		pr_err("timeout=%d: must be -1 (infinite) or milliseconds\n",
		       p->timeout);
		return -EINVAL;
	}
	return 0;
}

struct dmatest_names {
	const struct dmatest_params *params;
	bool device_found;
	bool channel_found;
};

static int dmatest_find_names(struct dma_device *device, void *data)
{
	struct dmatest_names *n = data;
	struct dmatest_params *p = (struct dmatest_params *)n->params;
	struct dma_chan *chan;

	if (!dmatest_match_device(p, device))
		return 0;
	n->device_found = true;
	list_for_each_entry(chan, &device->channels, device_node)
		if (dmatest_match_channel(p, chan))
			n->channel_found = true;
	return 0;
}

/* Unknown device or channel names: one clear line, -ENODEV. */
static int dmatest_check_names(const struct dmatest_params *p)
{
	struct dmatest_names n = { .params = p };

	dmaengine_for_each_device(dmatest_find_names, &n);
	if (!n.device_found) {
		if (p->device[0])
			pr_err("device=%s: no such DMA device\n", p->device);
		else
			pr_err("no DMA device registered\n");
		return -ENODEV;
	}
	if (!n.channel_found) {
		if (p->device[0])
			pr_err("channel=%s: no such channel on device %s\n",
			       p->channel, p->device);
		else
			pr_err("channel=%s: no such DMA channel\n", p->channel);
		return -ENODEV;
	}
	return 0;
}

/* What only the channels' devices can tell: source counts, alignment. */
static int dmatest_check_channels(struct dmatest_info *info)
{
	struct dmatest_params *p = &info->params;
	struct dmatest_chan *dtc;

	list_for_each_entry(dtc, &info->channels, node) {
		struct dma_device *dev = dtc->chan->device;
		struct dmatest_thread *thread;

		if (dma_has_cap(DMA_XOR, dev->cap_mask) &&
		    p->xor_sources > dev->max_xor) {
			pr_err("xor_sources=%u: %s supports at most %u\n",
			       p->xor_sources, dev_name(dev->dev), dev->max_xor);
			return -EINVAL;
		}
		if (dma_has_cap(DMA_PQ, dev->cap_mask) &&
		    (int)p->pq_sources > dma_maxpq(dev, 0)) {
			pr_err("pq_sources=%u: %s supports at most %d\n",
			       p->pq_sources, dev_name(dev->dev),
			       dma_maxpq(dev, 0));
			return -EINVAL;
		}
		list_for_each_entry(thread, &dtc->threads, node) {
			unsigned int s, d;
			u8 align = 0;

			dmatest_thread_shape(p, dev, thread->type, &s, &d,
					     &align);
			if (1UL << align > p->buf_size) {
				pr_err("%u-byte buffer too small for %d-byte alignment\n",
				       p->buf_size, 1 << align);
				return -EINVAL;
			}
		}
	}
	return 0;
}

static void dmatest_count(struct dmatest_info *info,
			  struct dmatest_progress *pr, struct dmatest_report *r)
{
	struct dmatest_chan *dtc;

	memset(pr, 0, sizeof(*pr));
	if (r)
		memset(r, 0, sizeof(*r));
	list_for_each_entry(dtc, &info->channels, node) {
		struct dmatest_thread *thread;

		if (r)
			r->channels++;
		list_for_each_entry(thread, &dtc->threads, node) {
			bool done = smp_load_acquire(&thread->done);

			pr->threads++;
			pr->running += !done;
			pr->tests += READ_ONCE(thread->total_tests);
			pr->failures += READ_ONCE(thread->failed_tests);
			if (!r)
				continue;
			if (done && !READ_ONCE(thread->ret) &&
			    !READ_ONCE(thread->failed_tests) &&
			    (!info->params.iterations ||
			     READ_ONCE(thread->total_tests) >=
			     info->params.iterations))
				r->passed++;
			else
				r->failed++;
		}
	}
	pr->total = (unsigned long long)pr->threads * info->params.iterations;
	if (r) {
		r->threads = pr->threads;
		r->tests = pr->tests;
		r->failures = pr->failures;
	}
}

/*
 * True while a started thread has not finished.  (The kernel's
 * is_threaded_test_run() also counts threads that were woken but have
 * not cleared ->pending yet as not running; waiting on it right after
 * run_pending_tests() could return at once.)
 */
static bool dmatest_threads_busy(struct dmatest_info *info)
{
	struct dmatest_chan *dtc;

	list_for_each_entry(dtc, &info->channels, node) {
		struct dmatest_thread *thread;

		list_for_each_entry(thread, &dtc->threads, node) {
			if (!READ_ONCE(thread->done))
				return true;
		}
	}

	return false;
}

/* Wait for the threads, asking for progress every 100 ms. */
static void dmatest_wait(struct dmatest_info *info)
{
	struct dmatest_params *p = &info->params;
	struct dmatest_progress pr;

	while (dmatest_threads_busy(info)) {
		wait_event_timeout(thread_wait, !dmatest_threads_busy(info) ||
				   READ_ONCE(stop_requested),
				   msecs_to_jiffies(100));
		if (READ_ONCE(stop_requested))
			return;
		if (p->progress) {
			dmatest_count(info, &pr, NULL);
			p->progress(&pr, p->progress_arg);
		}
	}
}

/* Stop the threads: each still running prints its summary. */
static void dmatest_stop_threads(struct dmatest_info *info)
{
	struct dmatest_chan *dtc;

	list_for_each_entry(dtc, &info->channels, node) {
		struct dmatest_thread *thread;

		list_for_each_entry(thread, &dtc->threads, node) {
			if (thread->task) {
				kthread_stop(thread->task);
				thread->task = NULL;
			}
		}
	}
}

static int dmatest_setup(struct dmatest_info *info,
			 const struct dmatest_params *params, bool list_only)
{
	int ret;

	ret = dmatest_check_params(params);
	if (ret)
		return ret;
	ret = dmatest_check_names(params);
	if (ret)
		return ret;

	info->params = *params;
	info->params.channel[sizeof(info->params.channel) - 1] = '\0';
	info->params.device[sizeof(info->params.device) - 1] = '\0';
	strim(info->params.channel);
	strim(info->params.device);
	info->list_only = list_only;
	add_threaded_test(info);
	if (list_empty(&info->channels)) {
		pr_err("no free DMA channel matches (channels busy or without memcpy/memset/xor/pq)\n");
		return -EBUSY;
	}
	ret = dmatest_check_channels(info);
	if (ret)
		stop_threaded_test(info);
	return ret;
}

int dmatest_run(const struct dmatest_params *params,
		struct dmatest_report *report)
{
	struct dmatest_info *info = &test_info;
	struct dmatest_progress pr;
	int ret;

	mutex_lock(&info->lock);
	WRITE_ONCE(stop_requested, 0);
	ret = dmatest_setup(info, params, false);
	if (ret)
		goto out;

	run_pending_tests(info);
	dmatest_wait(info);
	dmatest_stop_threads(info);
	dmatest_count(info, &pr, report);
	stop_threaded_test(info);
out:
	mutex_unlock(&info->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(dmatest_run);

int dmatest_list(const struct dmatest_params *params,
		 struct dmatest_report *report)
{
	struct dmatest_info *info = &test_info;
	struct dmatest_progress pr;
	int ret;

	mutex_lock(&info->lock);
	ret = dmatest_setup(info, params, true);
	if (ret)
		goto out;

	dmatest_test_list(info);
	ret = info->nr_channels;
	if (report) {
		dmatest_count(info, &pr, report);
		report->passed = report->failed = 0;
	}
	stop_threaded_test(info);
out:
	info->list_only = false;
	mutex_unlock(&info->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(dmatest_list);

void dmatest_stop(void)
{
	__atomic_store_n(&stop_requested, 1, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL_GPL(dmatest_stop);

static void __exit dmatest_exit(void)
{
	struct dmatest_info *info = &test_info;

	mutex_lock(&info->lock);
	stop_threaded_test(info);
	mutex_unlock(&info->lock);
}
module_exit(dmatest_exit);

MODULE_AUTHOR("Haavard Skinnemoen (Atmel)");
MODULE_DESCRIPTION("DMA Engine test module");
MODULE_LICENSE("GPL v2");
