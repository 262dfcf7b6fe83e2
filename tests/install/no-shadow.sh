#!/bin/sh
# dmakit must never ship a header whose path the Linux UAPI uses under
# /usr/include: installed dmakit headers would shadow it.
inc=$1
bad=0
for h in $(cd "$inc" && find linux -name '*.h'); do
	if [ -e "/usr/include/$h" ]; then
		echo "FAIL: include/$h shadows /usr/include/$h"
		bad=1
	fi
done
[ $bad = 0 ] && echo "no dmakit header shadows /usr/include/linux"
exit $bad
