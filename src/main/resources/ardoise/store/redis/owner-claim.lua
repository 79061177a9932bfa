-- Makes ARGV[1] (the hash of an owner token) the pad's owner unless it has one, and gives the key
-- the pad's TTL (docs/storage.md, "Lifetimes"): the meta key's, or the default lifetime for a pad
-- never written. KEYS: 1 owner, 2 meta. ARGV: 1 token hash, 2 default lifetime ms.
-- Returns 1 when stored, 0 when the pad had an owner.
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
local ttl = redis.call('PTTL', KEYS[2])
if ttl == -2 then ttl = tonumber(ARGV[2]) end
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
