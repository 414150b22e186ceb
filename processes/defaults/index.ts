import type { ProcessDefinition } from '../model';
import { generalApproval } from './general-approval';
import { trainingNomination } from './nominasi-pelatihan';
import { publicFeedback } from './pengaduan';
import { restructuring } from './penataan-struktur';
import { temporaryAssignment } from './penugasan-sementara';
import { jobRotation } from './rotasi';

/**
 * The process definitions a new installation starts with; administrators publish new versions.
 * The forms they reference are published first (db ensureDefaultForms).
 */
export const defaultDefinitions: readonly ProcessDefinition[] = [generalApproval, jobRotation, temporaryAssignment, publicFeedback, trainingNomination, restructuring];
