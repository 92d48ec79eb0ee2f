import { Domains } from './domains';
import type { MemberClass } from './member-classes';
import type { RoleOrder } from './role-order';

/**
 * Why propagation removed values from a group; the evidence sentences are written from these.
 * - `pinned_alone` / `pinned_by_shared`: members holding R ≠ default, and this is the only group of theirs that can
 *   still map to R, so it maps to R.
 * - `default_alone`: members holding the default role who are in this group only, so it cannot map below the
 *   default (nor above it: that is the rank bound).
 * - `no_default_elsewhere`: members holding the default role, none of whose other groups can map to the default, so
 *   this group cannot map below the default (they would then get that lower role).
 * - `must_map_to_default`: as above, but another of their groups can only map below the default, so this group must
 *   map to the default itself (not be unmapped).
 * - `conflict`: members holding R ≠ default, and none of their groups can map to R.
 */
export type RemovalReason =
  | 'pinned_alone'
  | 'pinned_by_shared'
  | 'default_alone'
  | 'no_default_elsewhere'
  | 'must_map_to_default'
  | 'conflict';

export type RemovalListener = (
  group: number,
  reason: RemovalReason,
  role: number,
  classIndex: number,
) => void;

export interface Propagation {
  domains: Domains;
  /** 1 for a group left with no candidate. Such a group then counts as "could be anything" for every other
   * observation, so that one stale member does not spread the conflict to the groups it shares members with. */
  inconsistent: Uint8Array;
  /** Class indices per group (CSR layout: classesOfGroup[offsets[g] .. offsets[g + 1]]). */
  offsets: Int32Array;
  classesOfGroup: Int32Array;
}

/**
 * Group role semantics (WorkOS, single-role mode): role(user) = the highest-priority role among the mappings of the
 * user's groups, or the default role when none of them is mapped. Each member class is one constraint on the
 * mappings of its groups; this computes generalized arc consistency over all of them. Every removal is justified by
 * one constraint given the current candidates, so the true mapping always survives on consistent data (soundness).
 */
export function propagate(
  classes: readonly MemberClass[],
  groupCount: number,
  order: RoleOrder,
  onRemoval: RemovalListener,
): Propagation {
  const valueCount = order.roleCount + 1;
  const domains = new Domains(groupCount, valueCount);
  const inconsistent = new Uint8Array(groupCount);
  const { offsets, classesOfGroup } = indexClassesByGroup(classes, groupCount);
  const defaultRole = order.defaultIndex;
  const unmapped = order.unmapped;
  const unmappedMask = Domains.maskOf(valueCount, [unmapped]);
  const belowDefaultMask = Domains.maskOf(
    valueCount,
    Array.from({ length: order.roleCount - defaultRole - 1 }, (_, i) => defaultRole + 1 + i),
  );
  const emptyMask = new Uint32Array(domains.words);
  const singleMasks = Array.from({ length: order.roleCount }, (_, v) => Domains.maskOf(valueCount, [v]));

  applyRankBounds(classes, domains, valueCount);

  const queue = new Int32Array(Math.max(classes.length, 1));
  const queued = new Uint8Array(classes.length);
  let head = 0;
  let size = 0;
  const enqueue = (c: number): void => {
    if (queued[c] === 1) return;
    queued[c] = 1;
    queue[(head + size) % queue.length] = c;
    size++;
  };
  const changed = (group: number): void => {
    if (inconsistent[group] === 0 && domains.isEmpty(group)) inconsistent[group] = 1;
    const end = offsets[group + 1] ?? 0;
    for (let i = offsets[group] ?? 0; i < end; i++) enqueue(classesOfGroup[i] ?? 0);
  };
  const canHold = (group: number, value: number): boolean =>
    inconsistent[group] === 1 || domains.has(group, value);

  const reviseNonDefault = (c: number, cls: MemberClass): void => {
    let supporters = 0;
    let supporter = -1;
    for (const g of cls.groups) {
      if (!canHold(g, cls.role)) continue;
      supporters++;
      supporter = g;
      if (supporters > 1) return;
    }
    if (supporters === 1) {
      if (
        inconsistent[supporter] === 0 &&
        domains.restrict(supporter, singleMasks[cls.role] as Uint32Array)
      ) {
        onRemoval(supporter, cls.groups.length === 1 ? 'pinned_alone' : 'pinned_by_shared', cls.role, c);
        changed(supporter);
      }
      return;
    }
    for (const g of cls.groups) {
      if (inconsistent[g] === 0 && domains.restrict(g, emptyMask)) {
        onRemoval(g, 'conflict', cls.role, c);
        changed(g);
      }
    }
  };

  const reviseDefault = (c: number, cls: MemberClass): void => {
    let withDefault = 0;
    let forcedBelow = 0;
    for (const g of cls.groups) {
      if (canHold(g, defaultRole)) withDefault++;
      else if (!domains.has(g, unmapped)) forcedBelow++;
    }
    if (withDefault > 1) return;
    for (const g of cls.groups) {
      if (inconsistent[g] === 1) continue;
      const holdsDefault = domains.has(g, defaultRole);
      if (withDefault - (holdsDefault ? 1 : 0) > 0) continue;
      const forcedHere = !holdsDefault && !domains.has(g, unmapped) ? 1 : 0;
      let removed = false;
      if (domains.remove(g, belowDefaultMask)) {
        onRemoval(g, cls.groups.length === 1 ? 'default_alone' : 'no_default_elsewhere', defaultRole, c);
        removed = true;
      }
      if (forcedBelow - forcedHere > 0 && domains.remove(g, unmappedMask)) {
        onRemoval(g, 'must_map_to_default', defaultRole, c);
        removed = true;
      }
      if (!removed) continue;
      changed(g);
      // A group that just lost its last candidate now counts as "could be anything": recount from scratch.
      if (inconsistent[g] === 1) {
        enqueue(c);
        return;
      }
    }
  };

  for (let c = 0; c < classes.length; c++) enqueue(c);
  while (size > 0) {
    const c = queue[head] ?? 0;
    head = (head + 1) % queue.length;
    size--;
    queued[c] = 0;
    const cls = classes[c] as MemberClass;
    if (cls.role === defaultRole) reviseDefault(c, cls);
    else reviseNonDefault(c, cls);
  }
  return { domains, inconsistent, offsets, classesOfGroup };
}

/** A group cannot map to a role ranked above any of its members' roles (that member would then hold it). */
function applyRankBounds(classes: readonly MemberClass[], domains: Domains, valueCount: number): void {
  const lowestRole = new Int32Array(domains.groupCount).fill(-1);
  for (const cls of classes) {
    for (const g of cls.groups) if (cls.role > (lowestRole[g] ?? -1)) lowestRole[g] = cls.role;
  }
  for (let g = 0; g < domains.groupCount; g++) {
    const bound = lowestRole[g] ?? -1;
    if (bound <= 0) continue;
    domains.restrict(
      g,
      Domains.maskOf(
        valueCount,
        Array.from({ length: valueCount - bound }, (_, i) => bound + i),
      ),
    );
  }
}

function indexClassesByGroup(
  classes: readonly MemberClass[],
  groupCount: number,
): { offsets: Int32Array; classesOfGroup: Int32Array } {
  const offsets = new Int32Array(groupCount + 1);
  for (const cls of classes) for (const g of cls.groups) offsets[g + 1] = (offsets[g + 1] ?? 0) + 1;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] = (offsets[g + 1] ?? 0) + (offsets[g] ?? 0);
  const fill = offsets.slice(0, groupCount);
  const classesOfGroup = new Int32Array(offsets[groupCount] ?? 0);
  classes.forEach((cls, c) => {
    for (const g of cls.groups) {
      classesOfGroup[fill[g] ?? 0] = c;
      fill[g] = (fill[g] ?? 0) + 1;
    }
  });
  return { offsets, classesOfGroup };
}
