export function App() {
  return (
    <main style={{ padding: '2rem' }}>
      <h1>Loket</h1>
    </main>
  );
}
