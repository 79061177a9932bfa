-- Appends one chat message to a pad's chat stream and keeps the newest ARGV[1] (docs/storage.md).
-- KEYS[1]: ardoise:{pad}:chat, KEYS[2]: ardoise:{pad}:meta.
-- ARGV: keep, clientId, author, name, color, text, time, default lifetime ms.
-- Ids are 1, 2, 3 … per pad (entry ID id-0): the last entry's id + 1. The cap is at least 1, so
-- after the first message the stream always holds the last id. The stream expires with the pad
-- (the meta key's TTL), or after the default lifetime when the pad was never written. Returns the new id.
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local id = 1
if #last > 0 then
  id = tonumber(string.match(last[1][1], '^(%d+)')) + 1
end
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], id .. '-0',
  'clientId', ARGV[2], 'author', ARGV[3], 'name', ARGV[4], 'color', ARGV[5], 'text', ARGV[6], 'time', ARGV[7])
local ttl = redis.call('PTTL', KEYS[2])
if ttl == -2 then ttl = tonumber(ARGV[8]) end
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
return id
