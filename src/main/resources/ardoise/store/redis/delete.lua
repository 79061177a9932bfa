-- Deletes every key of one pad and leaves its tombstone, atomically (see docs/storage.md).
-- KEYS: 1 the tombstone, 2 the read-only id key, 3… every other key of the pad
-- ARGV: 1 tombstone lifetime in seconds, 2 now (epoch ms)
-- Returns the number of keys removed (0: nothing was stored, and no tombstone is written).
local removed = redis.call('DEL', unpack(KEYS, 2))
if removed > 0 then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[1]) end
return removed
