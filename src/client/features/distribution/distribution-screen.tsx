export function DistributionScreen() {
  return <main aria-busy="true" />;
}
