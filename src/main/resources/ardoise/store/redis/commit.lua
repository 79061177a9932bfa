-- Appends a batch of op records to one pad, atomically (see docs/storage.md).
-- KEYS: 1 meta hash, 2 op log stream, 3 last-seq hash
-- ARGV: 1 channel, 2 expected head, 3 size after the batch, 4 record count,
--       then 5 values per record: clientId, seq, op JSON, author, time
-- Returns {1, newHead} when appended, {0, head} when the head moved; a seq that is not new is an
-- error reply. Every check runs before the first write: a script that fails midway is not rolled back.
local meta, log, seqs = KEYS[1], KEYS[2], KEYS[3]
local expected = tonumber(ARGV[2])
local head = tonumber(redis.call('HGET', meta, 'head') or '0')
if head ~= expected then return {0, head} end

local n = tonumber(ARGV[4])
local last = {}
for i = 0, n - 1 do
  local at = 5 + i * 5
  local client, seq = ARGV[at], tonumber(ARGV[at + 1])
  local prev = last[client]
  if prev == nil then
    local stored = redis.call('HGET', seqs, client)
    prev = stored and tonumber(string.match(stored, '^(%d+)')) or 0
  end
  if seq <= prev then
    return redis.error_reply('SEQ_NOT_NEW seq ' .. seq .. ' of client ' .. client
      .. ' is not above its last committed seq ' .. prev)
  end
  last[client] = seq
end

local time
for i = 0, n - 1 do
  local at = 5 + i * 5
  local rev = expected + 1 + i
  time = ARGV[at + 4]
  redis.call('XADD', log, rev .. '-0', 'clientId', ARGV[at], 'seq', ARGV[at + 1],
    'op', ARGV[at + 2], 'author', ARGV[at + 3], 'time', time)
  redis.call('HSET', seqs, ARGV[at], ARGV[at + 1] .. ':' .. rev)
end
local newHead = expected + n
redis.call('HSETNX', meta, 'created', ARGV[9])
redis.call('HSET', meta, 'head', newHead, 'lastEdited', time, 'size', ARGV[3])
redis.call('PUBLISH', ARGV[1], newHead)
return {1, newHead}
