-- Sets one field of a pad's notes hash (authors or versions) and gives the hash the pad's TTL
-- (docs/storage.md, "Lifetimes"): the meta key's, or the default lifetime for a pad never written.
-- KEYS: 1 the hash, 2 meta. ARGV: 1 field, 2 value, 3 default lifetime ms.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[2])
if ttl == -2 then ttl = tonumber(ARGV[3]) end
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
return 1
