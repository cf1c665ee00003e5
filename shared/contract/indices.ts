// Contract shapes for the analyst's index report (docs/report.md): the filters a screen sends and
// the IndexReport it gets back, strict and bounded like every contract shape. For the
// `analysis:report` operation: request ReportFiltersSchema, response IndexReportSchema.
import { z } from 'zod';
import { UNIT_TYPES, type IndexReport, type ReportFilters } from '../indices/index-report';
import { SlugSchema, UnitCodeSchema } from './schemas';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const CodeSchema = z.string().min(1).max(32);
const LabelSchema = z.string().max(500);
/** Question names and component ids (XLSForm names). */
const NameSchema = z.string().min(1).max(64);
const PercentSchema = z.number().min(0).max(100);
const IntervalSchema = z.tuple([PercentSchema, PercentSchema]).nullable();
const CountSchema = z.number().int().min(0);

/** Bounds: the frame has 168 Units (312 in the 2022 structure); a few codes per group. */
const MAX_UNITS = 2_000;
const MAX_CHOICES = 50;

export const ReportFiltersSchema = z.strictObject({
  survey: SlugSchema.optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  unit_types: z.array(z.enum(UNIT_TYPES)).max(UNIT_TYPES.length).optional(),
  former_provinces: z.array(LabelSchema.min(1).max(100)).max(MAX_CHOICES).optional(),
  age_groups: z.array(CodeSchema).max(MAX_CHOICES).optional(),
  sexes: z.array(CodeSchema).max(MAX_CHOICES).optional(),
  respondent_types: z.array(CodeSchema).max(MAX_CHOICES).optional(),
}) satisfies z.ZodType<ReportFilters>;

const ItemReportSchema = z.strictObject({ index: PercentSchema.nullable(), mean: z.number().min(0).max(1_000).nullable(), n: CountSchema, ci: IntervalSchema });
const ComponentReportSchema = z.strictObject({ index: PercentSchema, n: CountSchema, ci: IntervalSchema, items: z.record(NameSchema, ItemReportSchema) });
const GroupReportShape = {
  index: PercentSchema.nullable(),
  n: CountSchema,
  ci: IntervalSchema,
  components: z.record(NameSchema, ComponentReportSchema),
  components_missing: z.array(NameSchema).max(100),
};
const ChoiceSchema = z.strictObject({ code: CodeSchema, label: LabelSchema });

export const ReportFrameSchema = z.strictObject({
  surveys: z.array(SlugSchema).max(1_000),
  unit_types: z.array(z.enum(UNIT_TYPES)).max(UNIT_TYPES.length),
  former_provinces: z.array(LabelSchema).max(MAX_CHOICES),
  age_groups: z.array(ChoiceSchema).max(MAX_CHOICES),
  sexes: z.array(ChoiceSchema).max(MAX_CHOICES),
  respondent_types: z.array(ChoiceSchema).max(MAX_CHOICES),
  components: z.array(z.strictObject({ code: NameSchema, label: LabelSchema })).max(100),
  items: z.record(NameSchema, LabelSchema),
  units: z.record(UnitCodeSchema, z.strictObject({ name: LabelSchema, type: z.enum(UNIT_TYPES).nullable(), former_province: LabelSchema.nullable() })),
});

export const IndexReportSchema = z.strictObject({
  survey: SlugSchema,
  generated_at: z.iso.datetime(),
  overall: z.strictObject(GroupReportShape),
  units: z.array(z.strictObject({ code: UnitCodeSchema, name: LabelSchema, ...GroupReportShape })).max(MAX_UNITS),
  excluded: z.strictObject({ conflicts: CountSchema, not_completed: CountSchema }),
  filters: ReportFiltersSchema.optional(),
  period: z.strictObject({ from: DaySchema.nullable(), to: DaySchema.nullable() }).optional(),
  frame: ReportFrameSchema.optional(),
}) satisfies z.ZodType<IndexReport>;
