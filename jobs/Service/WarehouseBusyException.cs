namespace Analytics.Jobs.Service;

/// <summary>
/// Another job (on this node or another) is writing the warehouse. The job is put back on the schedule
/// a moment later instead of waiting in a worker, and the wait does not count as a failed attempt.
/// </summary>
public sealed class WarehouseBusyException : Exception
{
    public WarehouseBusyException()
        : base("Another job is writing the warehouse.")
    {
    }

    public WarehouseBusyException(string message)
        : base(message)
    {
    }

    public WarehouseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
