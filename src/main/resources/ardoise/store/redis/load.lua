-- Reads a pad in one consistent step: metadata, latest snapshot, the ops after it, last seqs.
-- KEYS: 1 meta hash, 2 op log stream, 3 last-seq hash, 4 snapshot hash, 5 snapshot index zset
-- ARGV: 1 '1' when a replica wait follows: the head is written again (same value), so that the WAIT
-- sent after this script covers every record read (see ops-read.lua).
-- Returns false for a pad never written, else {meta pairs, snapshot JSON or false, ops, seq pairs}.
local meta = redis.call('HGETALL', KEYS[1])
if #meta == 0 then return false end
if ARGV[1] == '1' then redis.call('HSET', KEYS[1], 'head', redis.call('HGET', KEYS[1], 'head')) end
local latest = redis.call('ZREVRANGE', KEYS[5], 0, 0)
local snapshot = false
local from = '-'
if #latest > 0 then
  snapshot = redis.call('HGET', KEYS[4], latest[1])
  from = '(' .. latest[1] .. '-0'
end
local ops = redis.call('XRANGE', KEYS[2], from, '+')
return {meta, snapshot, ops, redis.call('HGETALL', KEYS[3])}
