-- Appends a batch of op records to one pad, atomically, and starts the pad's lifetime again
-- (see docs/storage.md, "Lifetimes").
-- KEYS: 1 meta hash, 2 op log stream, 3 last-seq hash, then every other key of the pad
--       (4 snapshots, 5 snapshot-revs, 6 read-only, 7 authors, 8 chat, 9 versions, 10 owner, 11 policy):
--       all get the pad's TTL. The first commit gives the pad the lifetime its policy holds (an owner
--       chose it before anyone wrote), else the default.
-- ARGV: 1 channel, 2 expected head, 3 size after the batch, 4 record count,
--       5 default lifetime ms, 6 max lifetime ms (0: none), 7 now ms, 8 longest reverse-key slack ms,
--       9 PUBLISH or SPUBLISH (sharded pub/sub on a Redis 7 cluster), 10 '1' when the store waits for
--       replicas after the script, 11 the caller's head record ("clientId seq", '' for no check),
--       then 5 values per record from 12: clientId, seq, op JSON, author, time
-- Returns {1, newHead, readOnlyId or false, reverseExpiry} when appended (reverseExpiry: epoch ms
-- to give ardoise:read-only:{id}, 0 for no TTL, -1 nothing to do); {0, head} when the head moved;
-- {0, -1} when the pad is gone (no meta, expected head > 0: its lifetime passed or it was deleted);
-- {0, head, 'forked'} when the head is where expected but its record is another one than the
-- caller's (meta field headBy, written by each commit): a failover dropped revisions and another
-- server wrote new ones under the same numbers.
-- A seq that is not new is an error reply. Every check runs before the first write: a script that
-- fails midway is not rolled back.
local meta, log, seqs = KEYS[1], KEYS[2], KEYS[3]
local expected = tonumber(ARGV[2])
local head = tonumber(redis.call('HGET', meta, 'head') or '0')
local fresh = redis.call('EXISTS', meta) == 0
if fresh and expected > 0 then return {0, -1} end
if head ~= expected then
  -- With a replica wait, WAIT counts from this connection's last write: rewrite the head (same
  -- value) so that the wait covers the records the caller is about to read and acknowledge.
  if ARGV[10] == '1' and not fresh then redis.call('HSET', meta, 'head', head) end
  return {0, head}
end
if ARGV[11] ~= '' and not fresh then
  local by = redis.call('HGET', meta, 'headBy')
  if by and by ~= ARGV[11] then return {0, head, 'forked'} end
end
if fresh and redis.call('EXISTS', log, seqs, KEYS[4], KEYS[5]) > 0 then
  -- Keys of an expired pad expire one by one: drop what is left of its revisions so that they
  -- neither refuse the new rev 1 nor mix with it. Idempotent, so safe before the checks. Only
  -- when something is left: Redis checks a script's writes against its maxmemory only until the
  -- script's first write, and a DEL is never refused, so a DEL first would let a new pad write
  -- into a full Redis.
  redis.call('DEL', log, seqs, KEYS[4], KEYS[5])
end

local first = 12
local n = tonumber(ARGV[4])
local last = {}
for i = 0, n - 1 do
  local at = first + i * 5
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
  local at = first + i * 5
  local rev = expected + 1 + i
  time = ARGV[at + 4]
  redis.call('XADD', log, rev .. '-0', 'clientId', ARGV[at], 'seq', ARGV[at + 1],
    'op', ARGV[at + 2], 'author', ARGV[at + 3], 'time', time)
  redis.call('HSET', seqs, ARGV[at], ARGV[at + 1] .. ':' .. rev)
end
local newHead = expected + n
redis.call('HSETNX', meta, 'created', ARGV[first + 4])
redis.call('HSETNX', meta, 'lifetime', redis.call('HGET', KEYS[11], 'lifetime') or ARGV[5])
local lastAt = first + (n - 1) * 5
redis.call('HSET', meta, 'head', newHead, 'lastEdited', time, 'size', ARGV[3],
  'headBy', ARGV[lastAt] .. ' ' .. ARGV[lastAt + 1])

-- The lifetime: the pad's own, capped by the server's maximum. O(number of keys), not of the pad.
-- Every key is given it again only when the expiry the keys have (meta.expiresAt) is at least a
-- slack away from now + lifetime: a busy pad commits many times a second, and eleven PEXPIREs per
-- commit cost Redis about a sixth of its time per commit and half the bytes of its append-only file
-- (bench/results). So the keys expire at most one slack (a second, or a hundredth of a short
-- lifetime) before a lifetime after the last edit, never after. Redis's clock, not the servers':
-- instances whose clocks differ would otherwise move the expiry back and forth.
local lifetime = tonumber(redis.call('HGET', meta, 'lifetime'))
local max = tonumber(ARGV[6])
if max > 0 and (lifetime == 0 or lifetime > max) then lifetime = max end
local clock = redis.call('TIME')
local expiresAt = 0
if lifetime > 0 then expiresAt = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000) + lifetime end
local armed = tonumber(redis.call('HGET', meta, 'expiresAt') or '-1')
local slack = math.min(1000, math.floor(lifetime / 100))
local rearm
if lifetime == 0 then rearm = armed ~= 0 else rearm = armed <= 0 or math.abs(expiresAt - armed) >= slack end
if rearm then
  for i = 1, #KEYS do
    if lifetime > 0 then redis.call('PEXPIREAT', KEYS[i], expiresAt) else redis.call('PERSIST', KEYS[i]) end
  end
  redis.call('HSET', meta, 'expiresAt', expiresAt)
end

-- The reverse key lives in another slot: say when it needs a longer TTL (at most once per slack).
local id = redis.call('GET', KEYS[6])
local reverse = -1
if id then
  local set = tonumber(redis.call('HGET', meta, 'readOnlyUntil') or '-1')
  local now = tonumber(ARGV[7])
  if lifetime == 0 and set ~= 0 then
    reverse = 0
  elseif lifetime > 0 and (set <= 0 or set < now + lifetime) then
    reverse = now + lifetime + math.min(math.floor(lifetime / 10), tonumber(ARGV[8]))
  end
  if reverse >= 0 then redis.call('HSET', meta, 'readOnlyUntil', reverse) end
end
redis.call(ARGV[9], ARGV[1], newHead)
return {1, newHead, id or false, reverse}
