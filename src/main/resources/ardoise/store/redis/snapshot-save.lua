-- Stores a snapshot and drops all but the newest few; the snapshot keys expire with the pad.
-- KEYS: 1 snapshot hash, 2 snapshot index zset, 3 meta; ARGV: 1 rev, 2 snapshot JSON, 3 how many to keep
-- Returns how many were dropped, or -1 when the pad is gone (its lifetime passed or it was deleted):
-- a snapshot must not bring back part of a pad.
if redis.call('EXISTS', KEYS[3]) == 0 then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
local keep = tonumber(ARGV[3])
local old = redis.call('ZRANGE', KEYS[2], 0, -(keep + 1))
if #old > 0 then
  redis.call('HDEL', KEYS[1], unpack(old))
  redis.call('ZREM', KEYS[2], unpack(old))
end
local ttl = redis.call('PTTL', KEYS[3])
for i = 1, 2 do
  if ttl > 0 then redis.call('PEXPIRE', KEYS[i], ttl) else redis.call('PERSIST', KEYS[i]) end
end
return #old
