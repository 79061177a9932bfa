-- Runs commit.lua once for each of several pads, in one script (its text is placed above this one
-- as the function commit_one): the appends that pads of one event loop started in the same turn.
-- KEYS: each pad's commit.lua KEYS, one pad after the other.
-- ARGV: 1 the number of pads, then for each pad its key count, its argument count and its
--       commit.lua ARGV.
-- Returns one reply per pad, in order: commit.lua's own reply, {-2, message} for its error reply
-- (SEQ_NOT_NEW), or {-3, message} for an error that a Redis command raised in it (OOM).
-- Each pad's commit stands alone: an error in one neither stops nor undoes the others'. A Redis
-- past its maxmemory refuses a script's writes only until its first write succeeds: each pad's
-- first write is one Redis checks (XADD), so a full Redis refuses every pad of the batch, except
-- after the leftovers of an expired pad were dropped (commit.lua's DEL).
local replies = {}
local k, a = 1, 2
for p = 1, tonumber(ARGV[1]) do
  local nkeys, nargs = tonumber(ARGV[a]), tonumber(ARGV[a + 1])
  a = a + 2
  local keys, argv = {}, {}
  for i = 1, nkeys do keys[i] = KEYS[k + i - 1] end
  for i = 1, nargs do argv[i] = ARGV[a + i - 1] end
  k, a = k + nkeys, a + nargs
  local ok, reply = pcall(commit_one, keys, argv)
  if not ok then
    replies[p] = {-3, type(reply) == 'table' and reply.err or tostring(reply)}
  elseif type(reply) == 'table' and reply.err then
    replies[p] = {-2, reply.err}
  else
    replies[p] = reply
  end
end
return replies
