export function MessageScreen({ title, note }: { title: string; note?: string }) {
  return (
    <section className="screen centered">
      <h1 className="screen-title">{title}</h1>
      {note ? <p className="lead">{note}</p> : null}
    </section>
  );
}
