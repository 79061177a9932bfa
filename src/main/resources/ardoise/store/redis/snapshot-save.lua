-- Stores a snapshot and drops all but the newest few.
-- KEYS: 1 snapshot hash, 2 snapshot index zset; ARGV: 1 rev, 2 snapshot JSON, 3 how many to keep
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
local keep = tonumber(ARGV[3])
local old = redis.call('ZRANGE', KEYS[2], 0, -(keep + 1))
if #old > 0 then
  redis.call('HDEL', KEYS[1], unpack(old))
  redis.call('ZREM', KEYS[2], unpack(old))
end
return #old
