interface MoveButtonsProps {
  id: number;
  index: number;
  count: number;
  upLabel: string;
  downLabel: string;
  onMove: (by: -1 | 1) => void;
}

/** Up and down for a row of an ordered list; the ends are disabled. `data-move` lets useMoveRow find them again. */
export function MoveButtons({ id, index, count, upLabel, downLabel, onMove }: MoveButtonsProps) {
  return (
    <span className="move-buttons">
      <button type="button" className="btn btn-ghost btn-md icon-button" data-move={`${id}-up`} aria-label={upLabel} disabled={index === 0} onClick={() => onMove(-1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="btn btn-ghost btn-md icon-button" data-move={`${id}-down`} aria-label={downLabel} disabled={index === count - 1} onClick={() => onMove(1)}>
        <span aria-hidden="true">↓</span>
      </button>
    </span>
  );
}
