export function CoordinatorScreen() {
  return <main aria-busy="true" />;
}
