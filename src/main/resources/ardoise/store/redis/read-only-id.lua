-- The read-only id of a written pad, made on first request: stores ARGV[1] if the pad has none (the
-- first id stored wins), gives the key the pad's TTL, and says which TTL the reverse key needs
-- (docs/storage.md, "Lifetimes").
-- KEYS: 1 meta, 2 read-only. ARGV: 1 candidate, 2 now ms, 3 slack ms.
-- Returns {id, reverseExpiry} (epoch ms for ardoise:read-only:{id}, 0 for no TTL), or false for a pad
-- never written: then nothing is written, so asking for the links of a name nobody wrote in leaves
-- no key behind.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('SET', KEYS[2], ARGV[1], 'NX')
local id = redis.call('GET', KEYS[2])
local ttl = redis.call('PTTL', KEYS[1])
local reverse = 0
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  reverse = tonumber(ARGV[2]) + ttl + tonumber(ARGV[3])
else
  redis.call('PERSIST', KEYS[2])
end
redis.call('HSET', KEYS[1], 'readOnlyUntil', reverse)
return {id, reverse}
