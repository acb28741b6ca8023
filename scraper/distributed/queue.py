"""scrapy-redis's priority queue, with leases.

scrapy-redis pops a request out of Redis before the worker has done
anything with it, so a worker that dies mid-request loses it. Here a pop
moves the request, in one Lua call, from the queue into the run's
`processing` hash under a lease id that names the worker; it leaves that
hash only when its output is saved (`ack`, see acks.py) or when it is put
back in the queue. A lease whose worker's heartbeat key (`alive:<wid>`,
refreshed by the live worker, expiring after DISTRIBUTED_LEASE_SECONDS) is
gone is put back by any other worker (`reclaim_dead`), and a worker that
stops cleanly puts back its own (`release`).

The guarantee: a request queued is fetched and its output saved at least
once, as long as Redis keeps its data. A request whose worker died after
saving part of its output is fetched again; the records it gives twice
are merged by id at the end (merge.py), so the output has each once.
"""
from __future__ import annotations

import itertools

from scrapy_redis.queue import PriorityQueue

# KEYS: queue, processing, dupefilter. ARGV: fingerprint ('' = unfiltered),
# score, request bytes, lease it replaces ('' = none). -> 1 queued, 0 seen.
# One call: a fingerprint is never recorded without its request queued (a
# filter that saw a request Redis never queued would drop it for good).
_PUSH_UNSEEN = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[3], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
if ARGV[4] ~= '' then redis.call('HDEL', KEYS[2], ARGV[4]) end
return 1
"""

# KEYS: queue, processing. ARGV: lease. -> the request's bytes, or nil
_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0)
if #r == 0 then return false end
redis.call('ZREM', KEYS[1], r[1])
redis.call('HSET', KEYS[2], ARGV[1], r[1])
return r[1]
"""
# KEYS: queue, processing. ARGV: lease, score. Back in the queue if still leased.
_PUT_BACK = """
local d = redis.call('HGET', KEYS[2], ARGV[1])
if not d then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], d)
return 1
"""


class LeasedPriorityQueue(PriorityQueue):
    """A scrapy-redis PriorityQueue whose pops are leases (see the module)."""

    def __init__(self, server, spider, key, processing_key: str, worker_id: str, serializer=None):
        super().__init__(server, spider, key, serializer=serializer)
        self.processing_key = processing_key
        self.worker_id = worker_id
        self._counter = itertools.count(1)
        #: The lease of the last pop: if Redis went away before answering, the
        #: pop may have happened all the same (see LeasedScheduler.next_request).
        self.last_lease: str | None = None
        self._pop = server.register_script(_POP)
        self._put_back = server.register_script(_PUT_BACK)
        self._push_unseen = server.register_script(_PUSH_UNSEEN)

    def push(self, request, replaces: str | None = None):
        """Queue `request`; with `replaces`, end that lease in the same
        transaction (a retry or redirect takes its request's place)."""
        data = self._encode_request(request)
        pipe = self.server.pipeline(transaction=True)
        pipe.execute_command("ZADD", self.key, -request.priority, data)
        if replaces:
            pipe.hdel(self.processing_key, replaces)
        pipe.execute()

    def push_unseen(self, request, fingerprint: str | None, dupefilter_key: str, replaces: str | None = None) -> bool:
        """Record `fingerprint` in the shared filter and queue `request`, both
        or neither; False when the filter had seen it (nothing queued).
        Without a fingerprint (dont_filter) the request is always queued."""
        data = self._encode_request(request)
        queued = self._push_unseen(keys=[self.key, self.processing_key, dupefilter_key],
                                   args=[fingerprint or "", -request.priority, data, replaces or ""])
        return bool(queued)

    def pop(self, timeout=0):
        """The next request, leased: its lease id is in `meta["redis_lease"]`."""
        lease = self.last_lease = f"{self.worker_id}#{next(self._counter)}"
        data = self._pop(keys=[self.key, self.processing_key], args=[lease])
        if not data:
            return None
        request = self._decode_request(data)
        request.meta["redis_lease"] = lease
        return request

    def ack(self, lease: str) -> None:
        self.server.hdel(self.processing_key, lease)

    def leased(self) -> int:
        return self.server.hlen(self.processing_key)

    def _put_back_leases(self, leases) -> int:
        moved = 0
        for lease in leases:
            lease = lease.decode() if isinstance(lease, bytes) else lease
            data = self.server.hget(self.processing_key, lease)
            if data is None:
                continue
            score = -self._decode_request(data).priority
            moved += self._put_back(keys=[self.key, self.processing_key], args=[lease, score])
        return moved

    def put_back(self, lease: str) -> int:
        """Put one lease of ours back in the queue (its output was not all saved)."""
        return self._put_back_leases([lease])

    def mine(self) -> list[str]:
        """This worker's leases, as Redis has them."""
        return [lease.decode() for lease in self.server.hkeys(self.processing_key) if _owner(lease) == self.worker_id]

    def release(self) -> int:
        """Put this worker's leases back in the queue (a clean stop)."""
        return self._put_back_leases(self.mine())

    def reclaim_dead(self, alive_key) -> int:
        """Put back the leases of workers whose heartbeat key has expired.
        `alive_key(worker_id)` names that key."""
        leases = self.server.hkeys(self.processing_key)
        owners = {_owner(lease) for lease in leases}
        dead = {owner for owner in owners if not self.server.exists(alive_key(owner))}
        return self._put_back_leases(lease for lease in leases if _owner(lease) in dead) if dead else 0


def _owner(lease) -> str:
    lease = lease.decode() if isinstance(lease, bytes) else lease
    return lease.rpartition("#")[0]
