/**
 * Which judges score which entries in a round, as pure rules: no judge sees an entry they are in conflict
 * with, every entry gets `perEntry` judges when enough judges are free of conflict, and the work is spread
 * as evenly as the conflicts allow.
 *
 * How it works, for whoever maintains this next:
 * 1. Every (entry, judge) pair is checked once with {@link conflictReason}. Existing assignments that are
 *    now in conflict, beyond `perEntry`, or for an entry or judge not in the input are dropped (see
 *    {@link DropReason}); the others are kept and count toward the entry's N and the judge's load.
 * 2. The remaining places are a bipartite flow problem: source → entry (capacity = places still open),
 *    entry → judge (capacity 1 if eligible), judge → sink (capacity = load cap − existing load). Judges have
 *    no hard limit, so every entry can always be filled up to min(perEntry, eligible judges); the question
 *    is only how small the load cap L can be. We start at the lower bound max(ceil(total / judges), largest
 *    existing load), raise L by doubling steps until a max flow (Dinic) fills every place, then binary-search
 *    between the last failing and the first working cap, each time continuing from a saved flow.
 * 3. A second flow then lifts the least-loaded judges: from judges above a target m, through "take this
 *    entry from one judge, give it to another" chains, to judges below m. The largest m that works is found
 *    by binary search. Nobody ends above m ≤ L, so the maximum stays minimal. Because the load vectors of
 *    complete assignments form an M-convex set, the same assignment has both the smallest possible maximum
 *    and the largest possible minimum (Frank & Murota, "Discrete decreasing minimization", 2019).
 * 4. Ties are broken by a hash of the ids, not by randomness, so the same input always gives the same answer
 *    while judges still get varied co-judges.
 */

/** A judge on the panel, with what they declared a conflict with. */
export type AssignmentJudge = {
  id: string;
  /** The judge's own country (ISO code), for `avoidSameCountry`. */
  country: string | null;
  conflicts: {
    /** ISO country codes. */
    countries: string[];
    /** Free-text names or e-mail addresses. */
    people: string[];
    /** Organisation names. */
    organisations: string[];
  };
};

/** An entry to be scored. */
export type AssignmentEntry = {
  id: string;
  /** The entrant's country (ISO code). */
  country: string | null;
  /** The entrant's full name and e-mail, and every co-creator's name and e-mail. */
  people: string[];
  organisations: string[];
  /** Judges who recused themselves from this entry. */
  excludedJudgeIds?: string[];
};

export type AssignmentPair = { entryId: string; judgeId: string };

/** Why a judge may not score an entry. When several apply, the first in this order is given. */
export type ConflictReason = "recused" | "country" | "person" | "organisation" | "sameCountry";

/**
 * Why an existing assignment was dropped: a conflict, "surplus" when the entry already had more than
 * `perEntry` valid assignments (the first ones in `existing` order are kept), or "unknown" when the entry or
 * judge is not in this round's input.
 */
export type DropReason = ConflictReason | "surplus" | "unknown";

export type AssignmentInput = {
  entries: AssignmentEntry[];
  judges: AssignmentJudge[];
  /** How many judges each entry should have in total, existing ones included. */
  perEntry: number;
  /** Also treat a judge and an entrant from the same country as a conflict. */
  avoidSameCountry: boolean;
  /** Assignments already made in this round. */
  existing?: AssignmentPair[];
};

/** An entry that cannot get `needed` judges, because fewer judges than that are free of conflict. */
export type Shortfall = { entryId: string; assigned: number; needed: number; eligibleJudges: number };

export type AssignmentResult = {
  /** New assignments only, in entry order then judge order. */
  assignments: AssignmentPair[];
  dropped: (AssignmentPair & { reason: DropReason })[];
  /** Every judge's total number of entries, kept existing assignments included. */
  loads: Record<string, number>;
  shortfalls: Shortfall[];
};

/**
 * The form in which names, e-mails and organisations are compared: Unicode NFKC, case-folded (upper then
 * lower case, so "Straße" matches "STRASSE"), runs of white space made one space, trimmed.
 */
export function normaliseForMatching(value: string): string {
  return value.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
}

function normaliseCountry(value: string | null): string {
  return value == null ? "" : value.normalize("NFKC").trim().toUpperCase();
}

type PreparedJudge = {
  id: string;
  country: string;
  countries: Set<string>;
  people: Set<string>;
  organisations: Set<string>;
};

type PreparedEntry = { country: string; people: string[]; organisations: string[]; excluded: Set<string> };

/** Normalised, de-duplicated and without empty strings, which must never match anything. */
function normaliseAll(values: string[], normalise: (value: string) => string): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const normal = normalise(value);
    if (normal !== "") out.add(normal);
  }
  return [...out];
}

function prepareJudge(judge: AssignmentJudge): PreparedJudge {
  return {
    id: judge.id,
    country: normaliseCountry(judge.country),
    countries: new Set(normaliseAll(judge.conflicts.countries, normaliseCountry)),
    people: new Set(normaliseAll(judge.conflicts.people, normaliseForMatching)),
    organisations: new Set(normaliseAll(judge.conflicts.organisations, normaliseForMatching)),
  };
}

function prepareEntry(entry: AssignmentEntry): PreparedEntry {
  return {
    country: normaliseCountry(entry.country),
    people: normaliseAll(entry.people, normaliseForMatching),
    organisations: normaliseAll(entry.organisations, normaliseForMatching),
    excluded: new Set(entry.excludedJudgeIds ?? []),
  };
}

function preparedConflict(judge: PreparedJudge, entry: PreparedEntry, avoidSameCountry: boolean) {
  if (entry.excluded.has(judge.id)) return "recused";
  if (entry.country !== "" && judge.countries.has(entry.country)) return "country";
  if (entry.people.some((person) => judge.people.has(person))) return "person";
  if (entry.organisations.some((organisation) => judge.organisations.has(organisation))) return "organisation";
  if (avoidSameCountry && entry.country !== "" && entry.country === judge.country) return "sameCountry";
  return null;
}

/**
 * Why `judge` may not score `entry`, or null when they may. People and organisations match only when equal
 * after {@link normaliseForMatching} ("Ana" does not conflict with "Ana Lima"); country codes ignore case.
 */
export function conflictReason(
  judge: AssignmentJudge,
  entry: AssignmentEntry,
  avoidSameCountry: boolean,
): ConflictReason | null {
  return preparedConflict(prepareJudge(judge), prepareEntry(entry), avoidSameCountry);
}

/** A 32-bit FNV-1a hash, to break ties by id instead of at random. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes two hashes into one well-spread 32-bit number (the MurmurHash3 finaliser). */
function mixHashes(a: number, b: number): number {
  let hash = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A flow network in flat typed arrays, with Dinic's max-flow algorithm. Arc `a ^ 1` is the reverse of arc
 * `a`; `capacity` holds what is left, so the flow on arc `a` is `capacity[a ^ 1]` for arcs added with a
 * reverse capacity of 0.
 */
class FlowNetwork {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly target: Int32Array;
  readonly capacity: Int32Array;
  private arcs = 0;
  private readonly level: Int32Array;
  private readonly current: Int32Array;
  private readonly queue: Int32Array;
  private readonly path: Int32Array;

  constructor(nodes: number, maxArcs: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(maxArcs);
    this.target = new Int32Array(maxArcs);
    this.capacity = new Int32Array(maxArcs);
    this.level = new Int32Array(nodes);
    this.current = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.path = new Int32Array(nodes);
  }

  /** Adds an arc and its reverse; returns the forward arc's index. */
  addArc(from: number, to: number, capacity: number): number {
    const arc = this.arcs;
    if (arc + 2 > this.capacity.length) throw new Error("FlowNetwork: more arcs than were allocated");
    this.target[arc] = to;
    this.capacity[arc] = capacity;
    this.next[arc] = this.head[from]!;
    this.head[from] = arc;
    this.target[arc + 1] = from;
    this.capacity[arc + 1] = 0;
    this.next[arc + 1] = this.head[to]!;
    this.head[to] = arc + 1;
    this.arcs += 2;
    return arc;
  }

  /** Pushes as much more flow as fits from `source` to `sink`, never through `blocked` nodes; returns how much. */
  maxFlow(source: number, sink: number, blocked: number[]): number {
    const { head, next, target, capacity, level, current, queue, path } = this;
    let total = 0;
    for (;;) {
      level.fill(-1);
      for (const node of blocked) level[node] = -2;
      level[source] = 0;
      let read = 0;
      let write = 0;
      queue[write++] = source;
      while (read < write && level[sink] === -1) {
        const node = queue[read++]!;
        for (let arc = head[node]!; arc !== -1; arc = next[arc]!) {
          const to = target[arc]!;
          if (capacity[arc]! > 0 && level[to] === -1) {
            level[to] = level[node]! + 1;
            queue[write++] = to;
          }
        }
      }
      if (level[sink] === -1) return total;
      current.set(head);
      // Depth-first search for augmenting paths along increasing levels, remembering the arcs on the path.
      let depth = 0;
      let node = source;
      for (;;) {
        if (node === sink) {
          let bottleneck = Infinity;
          for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, capacity[path[i]!]!);
          let firstFull = -1;
          for (let i = 0; i < depth; i++) {
            const arc = path[i]!;
            capacity[arc]! -= bottleneck;
            capacity[arc ^ 1]! += bottleneck;
            if (firstFull === -1 && capacity[arc] === 0) firstFull = i;
          }
          total += bottleneck;
          depth = firstFull;
          node = target[path[depth]! ^ 1]!;
          continue;
        }
        let arc = current[node]!;
        while (arc !== -1 && (capacity[arc]! <= 0 || level[target[arc]!] !== level[node]! + 1)) arc = next[arc]!;
        current[node] = arc;
        if (arc !== -1) {
          path[depth++] = arc;
          node = target[arc]!;
          continue;
        }
        // Dead end: nothing more goes through this node in this phase.
        level[node] = -2;
        if (depth === 0) break;
        const back = path[--depth]!;
        node = target[back ^ 1]!;
        current[node] = next[back]!;
      }
    }
  }
}

/**
 * Assigns judges to entries; see the top of this file for the method. Throws a RangeError when `perEntry`
 * is not a whole number ≥ 0, and an Error when two entries or two judges share an id.
 */
export function assignJudges(input: AssignmentInput): AssignmentResult {
  const { entries, judges, perEntry, avoidSameCountry } = input;
  if (!Number.isInteger(perEntry) || perEntry < 0) throw new RangeError(`perEntry must be a whole number ≥ 0`);
  const entryIndex = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entryIndex.has(entry.id)) throw new Error(`Two entries have the id ${entry.id}`);
    entryIndex.set(entry.id, i);
  });
  const judgeIndex = new Map<string, number>();
  judges.forEach((judge, k) => {
    if (judgeIndex.has(judge.id)) throw new Error(`Two judges have the id ${judge.id}`);
    judgeIndex.set(judge.id, k);
  });

  const entryCount = entries.length;
  const judgeCount = judges.length;
  const preparedJudges = judges.map(prepareJudge);
  const preparedEntries = entries.map(prepareEntry);

  // eligible[e * judgeCount + k] is 1 when judge k may score entry e.
  const eligible = new Uint8Array(entryCount * judgeCount);
  const eligibleCount = new Int32Array(entryCount);
  for (let e = 0; e < entryCount; e++) {
    for (let k = 0; k < judgeCount; k++) {
      if (preparedConflict(preparedJudges[k]!, preparedEntries[e]!, avoidSameCountry) === null) {
        eligible[e * judgeCount + k] = 1;
        eligibleCount[e]!++;
      }
    }
  }

  // Existing assignments: keep the valid ones, up to perEntry per entry; report the rest.
  const dropped: AssignmentResult["dropped"] = [];
  const kept = new Uint8Array(entryCount * judgeCount);
  const keptPerEntry = new Int32Array(entryCount);
  const existingLoad = new Int32Array(judgeCount);
  const seen = new Set<string>();
  for (const pair of input.existing ?? []) {
    const key = `${pair.entryId}\u0000${pair.judgeId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = entryIndex.get(pair.entryId);
    const k = judgeIndex.get(pair.judgeId);
    if (e === undefined || k === undefined) {
      dropped.push({ entryId: pair.entryId, judgeId: pair.judgeId, reason: "unknown" });
      continue;
    }
    const reason = preparedConflict(preparedJudges[k]!, preparedEntries[e]!, avoidSameCountry);
    if (reason !== null || keptPerEntry[e]! >= perEntry) {
      dropped.push({ entryId: pair.entryId, judgeId: pair.judgeId, reason: reason ?? "surplus" });
      continue;
    }
    kept[e * judgeCount + k] = 1;
    keptPerEntry[e]!++;
    existingLoad[k]!++;
  }

  // Flow network: 0 source, 1 sink, 2 and 3 the source and sink of the rebalancing flow, then entries, then judges.
  const SOURCE = 0;
  const SINK = 1;
  const LIFT_SOURCE = 2;
  const LIFT_SINK = 3;
  const entryNode = (e: number) => 4 + e;
  const judgeNode = (k: number) => 4 + entryCount + k;

  const need = new Int32Array(entryCount);
  let pairCount = 0;
  let totalNeed = 0;
  for (let e = 0; e < entryCount; e++) {
    const eligibleNew = eligibleCount[e]! - keptPerEntry[e]!;
    need[e] = Math.min(perEntry - keptPerEntry[e]!, eligibleNew);
    totalNeed += need[e]!;
    if (need[e]! > 0) pairCount += eligibleNew;
  }
  const network = new FlowNetwork(4 + entryCount + judgeCount, 2 * (entryCount + pairCount + 3 * judgeCount));
  const capacity = network.capacity;
  // The entry → judge arcs, grouped by entry: pairArc[p] is the arc of pair p, of judge pairJudge[p].
  const pairStart = new Int32Array(entryCount + 1);
  const pairArc = new Int32Array(pairCount);
  const pairJudge = new Int32Array(pairCount);
  const judgeHash = judges.map((judge) => hashString(judge.id));
  let p = 0;
  for (let e = 0; e < entryCount; e++) {
    pairStart[e] = p;
    if (need[e]! <= 0) continue;
    network.addArc(SOURCE, entryNode(e), need[e]!);
    const entryHash = hashString(entries[e]!.id);
    const candidates: { k: number; order: number }[] = [];
    for (let k = 0; k < judgeCount; k++) {
      const cell = e * judgeCount + k;
      if (eligible[cell] && !kept[cell]) candidates.push({ k, order: mixHashes(entryHash, judgeHash[k]!) });
    }
    // Arcs are tried last-added first, so add them in reverse of the order we want them tried.
    candidates.sort((a, b) => b.order - a.order || b.k - a.k);
    for (const { k } of candidates) {
      pairArc[p] = network.addArc(entryNode(e), judgeNode(k), 1);
      pairJudge[p] = k;
      p++;
    }
  }
  pairStart[entryCount] = p;
  const sinkArc = new Int32Array(judgeCount);
  const liftSourceArc = new Int32Array(judgeCount);
  const liftSinkArc = new Int32Array(judgeCount);
  for (let k = 0; k < judgeCount; k++) {
    sinkArc[k] = network.addArc(judgeNode(k), SINK, 0);
    liftSourceArc[k] = network.addArc(LIFT_SOURCE, judgeNode(k), 0);
    liftSinkArc[k] = network.addArc(judgeNode(k), LIFT_SINK, 0);
  }

  if (totalNeed > 0) {
    // Step 2: the smallest load cap that lets every open place be filled.
    let maxExisting = 0;
    for (let k = 0; k < judgeCount; k++) maxExisting = Math.max(maxExisting, existingLoad[k]!);
    let totalExisting = 0;
    for (let k = 0; k < judgeCount; k++) totalExisting += existingLoad[k]!;
    // With this cap every judge could take every entry, so it always works.
    const surelyEnough = maxExisting + entryCount;
    const setCap = (cap: number) => {
      for (let k = 0; k < judgeCount; k++) {
        const arc = sinkArc[k]!;
        capacity[arc] = Math.max(0, cap - existingLoad[k]!) - capacity[arc ^ 1]!;
      }
    };
    const fill = () => network.maxFlow(SOURCE, SINK, [LIFT_SOURCE, LIFT_SINK]);
    let low = Math.max(maxExisting, Math.ceil((totalExisting + totalNeed) / judgeCount));
    setCap(low);
    let flow = fill();
    if (flow < totalNeed) {
      // `low` fails: raise the cap in doubling steps, keeping the flow found so far.
      let lowState = capacity.slice();
      let lowFlow = flow;
      let high = low;
      for (let step = 1; ; step *= 2) {
        high = Math.min(low + step, surelyEnough);
        setCap(high);
        flow += fill();
        // `surelyEnough` always works; checking it too only guards against an endless loop.
        if (flow === totalNeed || high === surelyEnough) break;
        low = high;
        lowState = capacity.slice();
        lowFlow = flow;
      }
      let best = capacity.slice();
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        capacity.set(lowState);
        flow = lowFlow;
        setCap(middle);
        flow += fill();
        if (flow === totalNeed) {
          high = middle;
          best = capacity.slice();
        } else {
          low = middle;
          lowState = capacity.slice();
          lowFlow = flow;
        }
      }
      capacity.set(best);
    }

    // Step 3: lift the least-loaded judges as far as possible without raising the maximum.
    const loads = new Int32Array(judgeCount);
    const countLoads = () => {
      loads.set(existingLoad);
      for (let q = 0; q < pairCount; q++) if (capacity[pairArc[q]!] === 0) loads[pairJudge[q]!]!++;
    };
    const lift = (target: number) => {
      const saved = capacity.slice();
      let shortOf = 0;
      for (let k = 0; k < judgeCount; k++) {
        capacity[liftSourceArc[k]!] = Math.max(0, loads[k]! - target);
        capacity[liftSourceArc[k]! ^ 1] = 0;
        capacity[liftSinkArc[k]!] = Math.max(0, target - loads[k]!);
        capacity[liftSinkArc[k]! ^ 1] = 0;
        shortOf += Math.max(0, target - loads[k]!);
      }
      if (network.maxFlow(LIFT_SOURCE, LIFT_SINK, [SOURCE, SINK]) === shortOf) {
        countLoads();
        return true;
      }
      capacity.set(saved);
      return false;
    };
    countLoads();
    let lowest = Math.min(...loads);
    let highest = Math.floor((totalExisting + totalNeed) / judgeCount);
    if (lowest < highest && !lift(highest)) {
      highest--;
      while (lowest < highest) {
        const middle = Math.ceil((lowest + highest) / 2);
        if (lift(middle)) lowest = middle;
        else highest = middle - 1;
      }
    }
  }

  const assignments: AssignmentPair[] = [];
  const loads: Record<string, number> = {};
  const finalLoad = Int32Array.from(existingLoad);
  const shortfalls: Shortfall[] = [];
  for (let e = 0; e < entryCount; e++) {
    const chosen: number[] = [];
    for (let q = pairStart[e]!; q < pairStart[e + 1]!; q++) if (capacity[pairArc[q]!] === 0) chosen.push(pairJudge[q]!);
    chosen.sort((a, b) => a - b);
    for (const k of chosen) {
      assignments.push({ entryId: entries[e]!.id, judgeId: judges[k]!.id });
      finalLoad[k]!++;
    }
    const assigned = keptPerEntry[e]! + chosen.length;
    if (eligibleCount[e]! < perEntry) {
      shortfalls.push({ entryId: entries[e]!.id, assigned, needed: perEntry, eligibleJudges: eligibleCount[e]! });
    }
  }
  judges.forEach((judge, k) => (loads[judge.id] = finalLoad[k]!));
  return { assignments, dropped, loads, shortfalls };
}
