import { Employee, Position } from '../../db';
import type { EffectHandler } from '../case-engine';
import { domainMessage } from '../domain-messages';
import { dataId, dataText } from './case-data';

/**
 * `applyRotation`: the registry follows the SK. In the effect's one transaction: the employee
 * gets the new position, its unit and the TMT of the SK (and, for a post one is inaugurated into,
 * the inauguration date); the new position names its holder; the old one is vacated. The engine
 * records the application in the same transaction, so a retry or replay applies nothing twice.
 *
 * When the target was taken meanwhile (another case, a registry edit), nothing changes and the
 * case data says why (`rotationApplied: false`); the process sends the case to BKPSDM to resolve
 * it and then runs this effect again.
 */
export const applyRotation: EffectHandler = async (ctx) => {
  const nip = dataText(ctx.data, 'employeeNip');
  const targetId = dataId(ctx.data, 'targetPositionId');
  const tmt = dataText(ctx.data, 'skTmt');
  const inaugurated = dataText(ctx.data, 'inaugurationDate');
  const employee = nip ? await ctx.em.findOne(Employee, { nip }) : null;
  const target = targetId ? await ctx.em.findOne(Position, { id: targetId }) : null;
  if (!employee || !target || !tmt) {
    return { data: { rotationApplied: false, rotationProblem: { code: 'MISSING', message: domainMessage('ROTATION_MISSING') } } };
  }

  // Conditional, so two cases racing for one position cannot both take it.
  const taken = await ctx.em.nativeUpdate(
    Position, { id: target.id, $or: [{ holderEmployeeId: null }, { holderEmployeeId: employee.id }] }, { holderEmployeeId: employee.id },
  );
  if (taken === 0) {
    const holder = target.holderEmployeeId === null ? null : await ctx.em.findOne(Employee, { id: target.holderEmployeeId });
    return {
      data: {
        rotationApplied: false,
        rotationProblem: {
          code: 'TARGET_TAKEN',
          holderEmployeeId: target.holderEmployeeId,
          message: domainMessage('ROTATION_TARGET_TAKEN', { holder: holder ? `${holder.name}, NIP ${holder.nip}` : String(target.holderEmployeeId) }),
        },
      },
    };
  }
  const from = { positionId: employee.positionId, unitId: employee.unitId, tmtJabatan: employee.tmtJabatan };
  if (employee.positionId !== null && employee.positionId !== target.id) {
    await ctx.em.nativeUpdate(Position, { id: employee.positionId, holderEmployeeId: employee.id }, { holderEmployeeId: null });
  }
  // Pelaksana are not inaugurated; everyone else takes an oath of office.
  const inaugurationDate = target.jenisJabatan !== 'PELAKSANA' && inaugurated ? inaugurated : employee.lastInaugurationDate;
  await ctx.em.nativeUpdate(Employee, { id: employee.id }, {
    positionId: target.id, unitId: target.unitId, tmtJabatan: tmt, lastInaugurationDate: inaugurationDate,
  });
  return {
    data: {
      rotationApplied: true,
      rotationProblem: null,
      rotationResult: {
        employeeId: employee.id,
        from,
        to: { positionId: target.id, unitId: target.unitId, tmtJabatan: tmt },
        message: domainMessage('ROTATION_APPLIED', { employee: employee.name, position: target.name, tmt }),
      },
    },
  };
};
