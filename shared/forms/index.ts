// Public face of the form layer: the model types, the XLSForm compiler and its errors.
export * from './model';
export * from './errors';
export { compileForm, type CompileResult } from './compile';
export type { Cell, Workbook, WorkbookSheet } from './workbook';
export { parseLanguage } from './languages';
