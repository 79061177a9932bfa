-- Sets a written pad's lifetime and applies it to every key of the pad now (docs/storage.md).
-- KEYS: the pad's keys, in PadKeys.all() order (1 meta … 6 read-only …).
-- ARGV: 1 lifetime ms (0: forever), 2 now ms, 3 reverse-key slack ms, 4 the pad's channel,
--       5 PUBLISH or SPUBLISH ('policy' on it: instances with the pad open read its lifetime again).
-- Returns false for a pad never written (nothing stored), else {readOnlyId or false, reverseExpiry}
-- with reverseExpiry as in commit.lua (epoch ms, 0 for no TTL).
local meta = KEYS[1]
if redis.call('EXISTS', meta) == 0 then return false end
local lifetime = tonumber(ARGV[1])
redis.call('HSET', meta, 'lifetime', lifetime)
redis.call(ARGV[5], ARGV[4], 'policy')
local clock = redis.call('TIME') -- the clock commit.lua renews expiries by
local expiresAt = 0
if lifetime > 0 then expiresAt = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000) + lifetime end
for i = 1, #KEYS do
  if lifetime > 0 then redis.call('PEXPIREAT', KEYS[i], expiresAt) else redis.call('PERSIST', KEYS[i]) end
end
redis.call('HSET', meta, 'expiresAt', expiresAt)
local id = redis.call('GET', KEYS[6])
local reverse = 0
if lifetime > 0 then reverse = tonumber(ARGV[2]) + lifetime + tonumber(ARGV[3]) end
if id then redis.call('HSET', meta, 'readOnlyUntil', reverse) end
return {id or false, reverse}
