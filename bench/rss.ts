/** Peak resident memory of the whole process (main thread and workers) in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
