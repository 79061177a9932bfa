-- Remembers one author of a pad (docs/storage.md, "Key layout": authors) with a cap on how many a
-- pad keeps, and gives the hash the pad's TTL like note-set.lua.
-- KEYS: 1 ardoise:{pad}:authors, 2 meta.
-- ARGV: 1 authorId, 2 name, 3 color, 4 seen (epoch ms), 5 '1' when the author has an edit in the
-- pad, 6 most authors kept, 7 default lifetime ms, 8 '1' to only mark the author as having edits
-- (name and colour as stored).
-- Each value is {"name","color","seen","edited"}. Once an author has an edit, it stays marked.
-- A new author beyond the cap takes the place of the author seen longest ago among those without
-- an edit (visitors), or, when every one has edits, of the author seen longest ago. That scan is
-- O(cap) and runs only for a new author at the cap.
local key = KEYS[1]
local function decode(json)
  local ok, value = pcall(cjson.decode, json)
  if ok and type(value) == 'table' then return value end
  return {}
end
local stored = redis.call('HGET', key, ARGV[1])
local profile = { name = ARGV[2], color = ARGV[3], seen = tonumber(ARGV[4]), edited = ARGV[5] == '1' }
if stored then
  local before = decode(stored)
  if before.edited == true then profile.edited = true end
  if ARGV[8] == '1' then
    profile.name = before.name or ''
    profile.color = before.color or ''
    profile.seen = tonumber(before.seen) or profile.seen
  end
elseif redis.call('HLEN', key) >= tonumber(ARGV[6]) then
  local all = redis.call('HGETALL', key)
  local victim, victimSeen, victimEdited
  for i = 1, #all, 2 do
    local p = decode(all[i + 1])
    local seen = tonumber(p.seen) or 0
    local edited = p.edited == true
    if victim == nil or (victimEdited and not edited) or (edited == victimEdited and seen < victimSeen) then
      victim, victimSeen, victimEdited = all[i], seen, edited
    end
  end
  redis.call('HDEL', key, victim)
end
redis.call('HSET', key, ARGV[1], cjson.encode(profile))
local ttl = redis.call('PTTL', KEYS[2])
if ttl == -2 then ttl = tonumber(ARGV[7]) end
if ttl > 0 then redis.call('PEXPIRE', key, ttl) else redis.call('PERSIST', key) end
return 1
