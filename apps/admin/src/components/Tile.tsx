/** One large figure with its label, e.g. "Menunggu sekarang 12". */
export function Tile(props: { label: string; value: number | string; id: string; note?: string }) {
  return (
    <div className="tile">
      <span className="tile-label">{props.label}</span>
      <strong className="tile-value" data-testid={props.id}>
        {props.value}
      </strong>
      {props.note && <span className="tile-note">{props.note}</span>}
    </div>
  );
}
