using Xunit;

// Each test drives servers with 16 busy clients on a 2-core machine and some measure them (the soak): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
