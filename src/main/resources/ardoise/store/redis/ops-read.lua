-- Reads a range of a pad's op log. KEYS: 1 meta hash, 2 op log stream. ARGV: 1 first id, 2 last id,
-- 3 '1' when a replica wait follows. Then it also writes the head again (same value): the WAIT sent
-- after this script on the same connection then covers every record read, so a record written by
-- an append whose own wait failed is served only once the replicas hold it.
if ARGV[3] == '1' then
  local head = redis.call('HGET', KEYS[1], 'head')
  if head then redis.call('HSET', KEYS[1], 'head', head) end
end
return redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[2])
