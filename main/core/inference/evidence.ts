import type { MemberClass } from './member-classes';
import type { RemovalReason } from './propagate';
import type { RoleOrder } from './role-order';

/** Removals recorded during propagation, aggregated per group, reason and role (each member class counted once). */
export class EvidenceLog {
  private readonly byGroup = new Map<
    number,
    Map<string, { reason: RemovalReason; role: number; classes: Set<number> }>
  >();

  record(group: number, reason: RemovalReason, role: number, classIndex: number): void {
    let entries = this.byGroup.get(group);
    if (entries === undefined) {
      entries = new Map();
      this.byGroup.set(group, entries);
    }
    const key = `${reason}:${role}`;
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = { reason, role, classes: new Set() };
      entries.set(key, entry);
    }
    entry.classes.add(classIndex);
  }

  entries(group: number): { reason: RemovalReason; role: number; classes: ReadonlySet<number> }[] {
    return [...(this.byGroup.get(group)?.values() ?? [])];
  }
}

export interface EvidenceContext {
  order: RoleOrder;
  roleName: (slug: string) => string;
  classes: readonly MemberClass[];
}

const members = (n: number): string => `${n} member${n === 1 ? '' : 's'}`;
const hold = (n: number): string => (n === 1 ? 'holds' : 'hold');

/** Evidence sentences for one group, strongest first. */
export function describeGroup(
  group: number,
  classIndices: readonly number[],
  log: EvidenceLog,
  inconsistent: boolean,
  ambiguous: boolean,
  context: EvidenceContext,
): string[] {
  const { order, classes } = context;
  const name = (role: number): string => context.roleName(order.slugs[role] ?? '');
  const defaultName = name(order.defaultIndex);
  const sentences: string[] = [];

  const aloneByRole = new Map<number, number>();
  const holdersByRole = new Map<number, number>();
  let memberCount = 0;
  for (const c of classIndices) {
    const cls = classes[c] as MemberClass;
    memberCount += cls.count;
    holdersByRole.set(cls.role, (holdersByRole.get(cls.role) ?? 0) + cls.count);
    if (cls.groups.length === 1) aloneByRole.set(cls.role, (aloneByRole.get(cls.role) ?? 0) + cls.count);
  }
  if (memberCount === 0) return ['has no members: nothing to infer from'];

  for (const [role, n] of [...aloneByRole].sort((a, b) => a[0] - b[0])) {
    const who = `${members(n)} who ${n === 1 ? 'is' : 'are'} only in this group`;
    sentences.push(
      role === order.defaultIndex
        ? `${who} ${hold(n)} ${defaultName}, the default role: it maps to ${defaultName} or is unmapped`
        : `pinned to ${name(role)} by ${who}`,
    );
  }

  const lowest = Math.max(...holdersByRole.keys());
  if (lowest > 0) {
    const n = holdersByRole.get(lowest) ?? 0;
    sentences.push(`cannot map above ${name(lowest)}: ${members(n)} ${hold(n)} ${name(lowest)}`);
  }

  const count = (classSet: ReadonlySet<number>): number => {
    let n = 0;
    for (const c of classSet) n += classes[c]?.count ?? 0;
    return n;
  };
  const rankOfReason: Record<RemovalReason, number> = {
    pinned_alone: 0,
    default_alone: 1,
    pinned_by_shared: 2,
    must_map_to_default: 3,
    no_default_elsewhere: 4,
    conflict: 5,
  };
  const entries = log
    .entries(group)
    .sort((a, b) => rankOfReason[a.reason] - rankOfReason[b.reason] || a.role - b.role);
  for (const { reason, role, classes: classSet } of entries) {
    const n = count(classSet);
    switch (reason) {
      case 'pinned_alone':
      case 'default_alone':
        break; // Already said by the "only in this group" sentence.
      case 'pinned_by_shared':
        sentences.push(
          `pinned to ${name(role)} by ${members(n)} whose other groups cannot map to ${name(role)}`,
        );
        break;
      case 'must_map_to_default':
        sentences.push(
          `maps to ${defaultName} rather than unmapped: ${members(n)} ${hold(n)} ${defaultName}, the default role, ` +
            `while another of their groups maps below it`,
        );
        break;
      case 'no_default_elsewhere':
        sentences.push(
          `cannot map below ${defaultName}: ${members(n)} ${hold(n)} ${defaultName}, the default role, ` +
            `and none of their other groups can map to ${defaultName}`,
        );
        break;
      case 'conflict':
        sentences.push(
          `conflict: ${members(n)} ${hold(n)} ${name(role)} but none of their groups can map to it`,
        );
        break;
    }
  }

  if (inconsistent) {
    sentences.push(
      'no mapping fits every member: the data may be stale, or WorkOS uses a setting this model does not know',
    );
  } else if (ambiguous && aloneByRole.size === 0) {
    sentences.push('no member is only in this group');
  }
  return sentences;
}
