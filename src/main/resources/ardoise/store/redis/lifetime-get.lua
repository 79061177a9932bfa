-- A pad's lifetime and when it will be deleted without an edit (docs/storage.md, "Lifetimes").
-- KEYS: 1 meta, 2 policy. ARGV: 1 default lifetime ms, 2 max lifetime ms (0: none), 3 now ms.
-- Returns {written (1/0), lifetime ms (0: forever), deletesAt epoch ms (0: never)}: for a written pad
-- its own lifetime and the expiry of its meta key; for one never written the lifetime its first
-- commit would give it (commit.lua: the policy's, else the default) and now + that lifetime.
local max = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local written = redis.call('EXISTS', KEYS[1])
local lifetime
if written == 1 then
  lifetime = tonumber(redis.call('HGET', KEYS[1], 'lifetime') or ARGV[1])
else
  lifetime = tonumber(redis.call('HGET', KEYS[2], 'lifetime') or ARGV[1])
end
if max > 0 and (lifetime == 0 or lifetime > max) then lifetime = max end
local at = 0
if written == 1 then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then at = now + ttl end
elseif lifetime > 0 then
  at = now + lifetime
end
return {written, lifetime, at}
