// Answer paths: `name`, or `roster[2]/age` inside repeats (1-based instances, no group names,
// since names are unique in a form), resolved to a node and the instance holding its cell.
import type { FormPlan, PlanNode, Scope } from './plan';
import type { Instance } from './record';
import { parsePathSegments } from '../../forms/answerPath';
import { RuntimeInputError } from './types';

export interface Located {
  node: PlanNode;
  /** For a question: the instance holding its cell. For a repeat: the parent instance holding its list. */
  inst: Instance;
}

function badPath(path: string, why: { vi: string; en: string }): RuntimeInputError {
  return new RuntimeInputError('bad_path', `Đường dẫn "${path}" không hợp lệ: ${why.vi}`, `Invalid path "${path}": ${why.en}`);
}

/**
 * Resolves a question path (`what = 'question'`), a repeat path (`hh[1]/members`, `what = 'repeat'`),
 * or any node (`what = 'node'`): a question, a group, or a repeat instance (`hh[1]/members[2]`, whose
 * `inst` is then that instance).
 */
export function locate(plan: FormPlan, root: Instance, path: string, what: 'question' | 'repeat' | 'node'): Located {
  // Fast path: a top-level name, the common case on the interview screen.
  const direct = plan.byName.get(path);
  if (direct !== undefined) {
    const pn = plan.nodes[direct] as PlanNode;
    if (what === 'question' && pn.node.kind === 'question' && pn.scope === 0) return { node: pn, inst: root };
    if (what === 'node' && pn.node.kind !== 'repeat' && pn.scope === 0) return { node: pn, inst: root };
    if (what === 'repeat' && pn.node.kind === 'repeat' && (plan.scopes[pn.scope] as Scope).parent === 0) return { node: pn, inst: root };
  }
  // The grammar of shared/forms/answerPath.ts (the contract's), so a path the contract accepts
  // is one the runtime can read and the other way round.
  const segs = parsePathSegments(path);
  const last = segs?.[segs.length - 1];
  if (!segs || !last || (last.index !== undefined && what !== 'node')) {
    throw badPath(path, { vi: 'cần dạng tên hoặc nhóm_lặp[số]/tên', en: 'expected name or repeat[n]/name' });
  }
  const name = last.name;
  const i = plan.byName.get(name);
  const pn = i === undefined ? undefined : plan.nodes[i];
  if (!pn || (what === 'question' && pn.node.kind !== 'question')) {
    throw new RuntimeInputError('unknown_question', `Không có câu hỏi tên "${name}" trong phiếu.`, `No such question "${name}" in the form.`);
  }
  if (what === 'repeat' && pn.node.kind !== 'repeat') {
    throw new RuntimeInputError('not_a_repeat', `"${name}" không phải nhóm lặp.`, `"${name}" is not a repeat.`);
  }
  // A repeat named as a node is one of its instances: `members[2]`, the last segment walked too.
  const instance = what === 'node' && pn.node.kind === 'repeat';
  if (instance !== (last.index !== undefined)) {
    throw badPath(path, instance
      ? { vi: `cần số thứ tự lần lặp: "${name}[số]"`, en: `expected an instance: "${name}[n]"` }
      : { vi: 'cần dạng tên hoặc nhóm_lặp[số]/tên', en: 'expected name or repeat[n]/name' });
  }
  // The repeats to walk through: the scope chain of the cell, without the root.
  const scope = plan.scopes[pn.scope] as Scope;
  const chain = what === 'repeat' ? scope.chain.slice(1, -1) : scope.chain.slice(1);
  if ((instance ? segs.length : segs.length - 1) !== chain.length) {
    throw badPath(path, { vi: `câu "${name}" nằm trong ${chain.length} nhóm lặp`, en: `"${name}" is inside ${chain.length} repeat(s)` });
  }
  let inst = root;
  for (let k = 0; k < chain.length; k++) {
    const s = segs[k] as (typeof segs)[number];
    const sc = plan.scopes[chain[k] as number] as Scope;
    const repeatName = plan.nodes[sc.repeat]?.node.name;
    if (s.name !== repeatName || s.index === undefined) {
      throw badPath(path, { vi: `cần "${repeatName}[số]" ở đoạn ${k + 1}`, en: `expected "${repeatName}[n]" at segment ${k + 1}` });
    }
    const list = inst.repeats[plan.childPos[sc.id] as number] as Instance[];
    const next = list[s.index - 1];
    if (!next) {
      throw new RuntimeInputError('no_such_instance', `Nhóm lặp "${repeatName}" chưa có lần thứ ${s.index} (hiện có ${list.length}).`, `Repeat "${repeatName}" has no instance ${s.index} (it has ${list.length}).`);
    }
    inst = next;
  }
  return { node: pn, inst };
}
