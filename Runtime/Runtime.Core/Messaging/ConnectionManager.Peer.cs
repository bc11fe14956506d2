namespace Rayswarm.Runtime.Core;

/// <summary>What the manager knows of one peer silo.</summary>
internal sealed partial class ConnectionManager
{
    /// <summary>Connection state of one peer; mutated under the manager's lock, <see cref="Current"/> also read without it.</summary>
    private sealed class Peer(SiloAddress silo)
    {
        private volatile Connection? _current;

        public SiloAddress Silo { get; } = silo;

        /// <summary>The connection callers get.</summary>
        public Connection? Current
        {
            get => _current;
            set => _current = value;
        }

        /// <summary>Every open connection with the peer, including ones being drained or left for the peer to close.</summary>
        public List<Connection> All { get; } = [];

        /// <summary>The attempt in progress, shared by its callers.</summary>
        public Task<Connection>? Connecting { get; set; }

        /// <summary>Consecutive failed attempts.</summary>
        public int Failures { get; private set; }

        /// <summary>The timestamp before which no new attempt is made.</summary>
        public long? RetryAt { get; private set; }

        public string? LastError { get; private set; }

        public void Succeeded()
        {
            Failures = 0;
            RetryAt = null;
            LastError = null;
        }

        /// <summary>Records a failure and returns the back-off before the next attempt.</summary>
        public TimeSpan Failed(Exception error, long now, ConnectionSettings settings, long frequency)
        {
            Failures++;
            var delay = settings.MinReconnectDelay * Math.Pow(2, Math.Min(Failures - 1, 16));
            if (delay > settings.MaxReconnectDelay) { delay = settings.MaxReconnectDelay; }
            RetryAt = now + (long)(delay.TotalSeconds * frequency);
            LastError = error is ConnectionRefusedException refused ? refused.Reason : error.Message;
            return delay;
        }
    }
}
