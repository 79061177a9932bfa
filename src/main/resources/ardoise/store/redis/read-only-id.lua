-- The pad's read-only id: stores ARGV[1] if the pad has none (the first id stored wins), gives the
-- key the pad's TTL, and says which TTL the reverse key needs (docs/storage.md, "Lifetimes").
-- KEYS: 1 meta, 2 read-only. ARGV: 1 candidate, 2 default lifetime ms, 3 now ms, 4 slack ms.
-- Returns {id, reverseExpiry}: epoch ms for ardoise:read-only:{id}, 0 for no TTL.
redis.call('SET', KEYS[2], ARGV[1], 'NX')
local id = redis.call('GET', KEYS[2])
local ttl = redis.call('PTTL', KEYS[1])
-- A pad not written yet (-2) has the default lifetime ahead of it; one without a TTL (-1) has none.
if ttl == -2 then ttl = tonumber(ARGV[2]) elseif ttl == -1 then ttl = 0 end
local reverse = 0
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  reverse = tonumber(ARGV[3]) + ttl + tonumber(ARGV[4])
else
  redis.call('PERSIST', KEYS[2])
end
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'readOnlyUntil', reverse) end
return {id, reverse}
