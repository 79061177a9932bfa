-- Gives a written pad a new read-only id (docs/storage.md): the pad's read-only key holds ARGV[1]
-- with the pad's TTL. The caller then writes the new reverse key and deletes the old one; lookups
-- check the pad's own key, so the old id leads nowhere from this script on. The word 'policy' on the
-- pad's channel tells every instance that has the pad open to close the old link's viewers.
-- KEYS: 1 meta, 2 read-only. ARGV: 1 new id, 2 now ms, 3 slack ms, 4 the pad's channel,
--       5 PUBLISH or SPUBLISH.
-- Returns {old id or false, reverseExpiry} (as read-only-id.lua), or false for a pad never written.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local old = redis.call('GET', KEYS[2])
redis.call('SET', KEYS[2], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
local reverse = 0
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  reverse = tonumber(ARGV[2]) + ttl + tonumber(ARGV[3])
end
redis.call('HSET', KEYS[1], 'readOnlyUntil', reverse)
redis.call(ARGV[5], ARGV[4], 'policy')
return {old or false, reverse}
