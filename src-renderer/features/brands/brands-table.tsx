import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { Brand } from '@contract';
import { Badge } from '../../ui/badge';

interface Actions {
  onEdit: (brand: Brand) => void;
  onDelete: (brand: Brand) => void;
}

function Swatch({ color, name }: { color: string; name: string }) {
  return (
    <span
      className="swatch"
      style={{ backgroundColor: color }}
      title={`${name} ${color}`}
      aria-label={`${name} ${color}`}
      role="img"
    />
  );
}

const column = createColumnHelper<Brand>();

function buildColumns({ onEdit, onDelete }: Actions) {
  return [
    column.accessor('displayName', {
      header: 'Brand',
      cell: (info) => (
        <div className="brand-name">
          <strong>{info.getValue()}</strong>
          <span className="muted">{info.row.original.shortName}</span>
        </div>
      ),
    }),
    column.accessor('id', { header: 'Id', cell: (info) => <code>{info.getValue()}</code> }),
    column.accessor('instagramHandle', {
      header: 'Instagram',
      cell: (info) => info.getValue() ?? <span className="muted">—</span>,
    }),
    column.accessor('scheduleOffset', { header: 'Offset (h)', meta: { numeric: true } }),
    column.accessor('postsPerDay', { header: 'Posts/day', meta: { numeric: true } }),
    column.accessor('colors', {
      header: 'Colours',
      cell: (info) => (
        <span className="swatches">
          <Swatch color={info.getValue().primary} name="Primary" />
          <Swatch color={info.getValue().accent} name="Accent" />
        </span>
      ),
    }),
    column.accessor('active', {
      header: 'Status',
      cell: (info) => (info.getValue() ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const brand = info.row.original;
        return (
          <span className="row-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => onEdit(brand)}
              aria-label={`Edit ${brand.displayName}`}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => onDelete(brand)}
              aria-label={`Delete ${brand.displayName}`}
            >
              Delete
            </button>
          </span>
        );
      },
    }),
  ];
}

export function BrandsTable({ brands, ...actions }: Actions & { brands: Brand[] }) {
  // The build does not use the React Compiler, so its warning about memoizing this hook does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: brands,
    columns: buildColumns(actions),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (brand) => brand.id,
  });
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={isNumeric(header.column.columnDef.meta) ? 'numeric' : undefined}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-brand-id={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={isNumeric(cell.column.columnDef.meta) ? 'numeric' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function isNumeric(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && 'numeric' in meta && meta.numeric === true;
}
