lede --fused
