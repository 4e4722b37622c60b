"""GitHub at Shoal's edge: webhook verification and routing (the domain core stays AWS-free)."""
