-- Replaces a pad's policy (docs/storage.md, "The policy") and gives it the pad's TTL: the meta
-- key's, or, for a pad never written, the lifetime chosen in the policy (else the default), which
-- the owner key then gets too so that the pad's owner lasts until its first edit.
-- KEYS: 1 policy, 2 meta, 3 owner.
-- ARGV: 1 locked ("1" or ""), 2 password hash or "", 3 protectReadOnly ("1" or ""),
--       4 chosen lifetime ms or "" (none), 5 default lifetime ms, 6 max lifetime ms (0: none),
--       7 the pad's channel, 8 PUBLISH or SPUBLISH: the word 'policy' tells every instance that has
--       the pad open to read the policy again.
-- A policy with nothing set leaves no key. Returns 1.
redis.call('DEL', KEYS[1])
local fields = {}
if ARGV[1] == '1' then fields[#fields + 1] = 'locked'; fields[#fields + 1] = '1' end
if ARGV[2] ~= '' then fields[#fields + 1] = 'password'; fields[#fields + 1] = ARGV[2] end
if ARGV[3] == '1' then fields[#fields + 1] = 'protectReadOnly'; fields[#fields + 1] = '1' end
if ARGV[4] ~= '' then fields[#fields + 1] = 'lifetime'; fields[#fields + 1] = ARGV[4] end
if #fields > 0 then redis.call('HSET', KEYS[1], unpack(fields)) end
local ttl = redis.call('PTTL', KEYS[2])
if ttl == -2 then
  ttl = tonumber(ARGV[4] ~= '' and ARGV[4] or ARGV[5])
  local max = tonumber(ARGV[6])
  if max > 0 and (ttl == 0 or ttl > max) then ttl = max end
  if redis.call('EXISTS', KEYS[3]) == 1 then
    if ttl > 0 then redis.call('PEXPIRE', KEYS[3], ttl) else redis.call('PERSIST', KEYS[3]) end
  end
end
if #fields > 0 then
  if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
end
redis.call(ARGV[8], ARGV[7], 'policy')
return 1
