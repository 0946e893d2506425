/**
 * The subsidy plan: per relocation estate and plan year, the base subsidy, the assessment reward, the reasons
 * either is reduced or withheld, and the yearly budget cap; per year, totals against the budget; across policy
 * variants, a comparison.
 *
 * This is the single-estate explanation and the reference implementation. The portfolio is computed in DuckDB by
 * src/lib/queries/subsidy.ts with the same formulas, in the same order of operations, into the same
 * {@link PlanRow} shape; tests/unit/queries/subsidy-agreement.test.ts holds the two together to 1e-9.
 *
 * Which data year: the reward of plan year Y rests on the assessment of data year Y − lag. Plan years usually lie
 * ahead of the data, so a data year after the last year with any quality score (across the portfolio) is replaced
 * by that last year, and the row is marked `projected`.
 */
export * from './rows';
export * from './requests';
export * from './budget';
export * from './explain';
export * from './compare';
export * from './sums';
