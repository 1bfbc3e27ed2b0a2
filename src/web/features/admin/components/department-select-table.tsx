import type { ReactNode } from 'react';
import type { Department } from '../../../../contract/admin.ts';

interface DepartmentSelectTableProps {
  departments: Department[];
  /** Read above the table, naming it. */
  caption?: string;
  departmentHead: string;
  /** A column between a department's name and its choice: its head and a department's cell. */
  between?: { head: string; cell: (department: Department) => ReactNode };
  choiceHead: string;
  /** The select's name for screen readers ("Calendar of Returns"), as no visible label is beside it. */
  labelOf: (department: Department) => string;
  valueOf: (department: Department) => string;
  options: { value: string; label: string }[];
  onChoose: (department: Department, value: string) => void;
}

/** One choice per department, a select in each row (its calendar, how its tickets are assigned). */
export function DepartmentSelectTable({ departments, caption, departmentHead, between, choiceHead, labelOf, valueOf, options, onChoose }: DepartmentSelectTableProps) {
  return (
    <table className="admin-table department-calendars">
      {caption && <caption className="field-label">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{departmentHead}</th>
          {between && <th scope="col">{between.head}</th>}
          <th scope="col">{choiceHead}</th>
        </tr>
      </thead>
      <tbody>
        {departments.map((department) => (
          <tr key={department.id}>
            <th scope="row" className="cell-name">
              {department.name}
            </th>
            {between && <td className="cell-when">{between.cell(department)}</td>}
            <td>
              <select className="field-input" aria-label={labelOf(department)} value={valueOf(department)} onChange={(e) => onChoose(department, e.target.value)}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
