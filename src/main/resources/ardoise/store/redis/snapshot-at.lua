-- The newest snapshot with rev <= ARGV[1], or false.
-- KEYS: 1 snapshot hash, 2 snapshot index zset
local found = redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[1], '-inf', 'LIMIT', 0, 1)
if #found == 0 then return false end
return redis.call('HGET', KEYS[1], found[1])
