/** The template notebooks `modelbook new` and "New Notebook from Template…" copy into a workspace. */

/** One template: its id, what the picker shows, and the files it copies (paths under templates/). */
export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  notebook: string;
  data: string[];
}
// notebook: path under templates/ of the .mlnb; data: files under templates/data/ it needs
export const TEMPLATES: TemplateInfo[] = [
  {
    id: 'binary-classification',
    title: 'Binary classification',
    description: 'Who survived the Titanic: data quality and PII, a leak-free pipeline, a baseline, tuning, evaluation with CIs and slices, a card and an export',
    notebook: 'binary-classification/titanic.mlnb',
    data: ['titanic.csv'],
  },
  {
    id: 'regression',
    title: 'Regression',
    description: "A car's fuel economy (miles per gallon): the same arc with MAE, RMSE and R² with CIs, a mean baseline and residual analysis",
    notebook: 'regression/cars-mpg.mlnb',
    data: ['cars.json'],
  },
  {
    id: 'fairness-audit',
    title: 'Fairness audit',
    description: 'Audit a model of Toronto arrests: slice and fairness metrics with CIs, intersectional groups, thresholds per group, a written conclusion',
    notebook: 'fairness-audit/arrests-audit.mlnb',
    data: ['arrests.csv'],
  },
  {
    id: 'drift-monitoring',
    title: 'Drift monitoring',
    description: 'A fuel-economy model meets later model years: the monitoring report, alert rules and the retraining decision',
    notebook: 'drift-monitoring/cars-drift.mlnb',
    data: ['cars.json'],
  },
];
