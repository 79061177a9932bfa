-- The read-only id of a written pad, made on first request (docs/storage.md).
-- KEYS: 1 meta hash, 2 read-only id string. ARGV: 1 candidate id.
-- Returns the stored id (the candidate if none was stored), or false for a pad never written: then
-- nothing is written, so asking for the links of a name nobody wrote in leaves no key behind.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('SET', KEYS[2], ARGV[1], 'NX')
return redis.call('GET', KEYS[2])
