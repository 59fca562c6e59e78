// Memory and timing assertions (flat streaming, interrupt latency) measure the whole process;
// tests running beside them would blur the numbers, and the machine has two cores anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
