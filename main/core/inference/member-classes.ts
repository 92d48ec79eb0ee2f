import type { InferenceGroup, InferenceUser } from './types';
import type { RoleOrder } from './role-order';

/**
 * Users with the same exact group set and the same role are one observation repeated; the inference reasons about
 * these classes, never about single users, which is what keeps 100,000 users fast.
 */
export interface MemberClass {
  /** Distinct group indices, ascending. */
  groups: readonly number[];
  /** Value index of the role the users hold. */
  role: number;
  count: number;
}

export interface MemberClasses {
  classes: MemberClass[];
  classOfUser: Map<string, number>;
  /** Group ids by index: the input groups first, then groups only referenced by users (they still shape roles). */
  groupIds: string[];
}

export function buildMemberClasses(
  groups: readonly InferenceGroup[],
  users: readonly InferenceUser[],
  order: RoleOrder,
): MemberClasses {
  const groupIds: string[] = [];
  const groupIndex = new Map<string, number>();
  const indexOfGroup = (id: string): number => {
    let index = groupIndex.get(id);
    if (index === undefined) {
      index = groupIds.length;
      groupIds.push(id);
      groupIndex.set(id, index);
    }
    return index;
  };
  for (const group of groups) indexOfGroup(group.id);

  const classes: MemberClass[] = [];
  const classByKey = new Map<string, number>();
  const classOfUser = new Map<string, number>();
  for (const user of users) {
    const indices = sortedDistinct(user.groupIds.map(indexOfGroup));
    const role = order.indexOf(user.role);
    let key = String(role);
    for (const g of indices) key += `,${g}`;
    let classIndex = classByKey.get(key);
    if (classIndex === undefined) {
      classIndex = classes.length;
      classes.push({ groups: indices, role, count: 0 });
      classByKey.set(key, classIndex);
    }
    (classes[classIndex] as MemberClass).count++;
    classOfUser.set(user.id, classIndex);
  }
  return { classes, classOfUser, groupIds };
}

/** Sorts in place and drops repeats; users have few groups, so insertion sort beats the generic sort here. */
function sortedDistinct(values: number[]): number[] {
  for (let i = 1; i < values.length; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
  let kept = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[kept - 1]) values[kept++] = values[i] as number;
  }
  values.length = kept;
  return values;
}
