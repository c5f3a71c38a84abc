/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evt-store.c: the SQLite file that keeps events, sectors and their history. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "evt-date.h"
#include "evt-event-private.h"
#include "evt-store-private.h"

/*
 * One connection, shared by the threads of the process under a recursive lock.
 * A transaction holds the lock from evt_store_begin() to its commit or rollback, so a
 * reader in another thread never sees half of it and two writers never interleave.
 * Nested begin() calls become savepoints.
 */
struct _EvtStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GRecMutex     lock;
  guint         depth;
  gboolean      changed;
  GMainContext *context;
  GThread      *thread;    /* that made the store: where "changed" is emitted */
  GHashTable   *statements; /* SQL → sqlite3_stmt: queries prepared once, see prepare_cached() */

  /* The integrity check that evt_store_open_async() leaves for later: see ensure_checked(). */
  GMutex        check_mutex;
  GCond         check_cond;
  int           check_state; /* CheckState */
  GError       *check_error;
  gboolean      query_only;  /* SQLite refuses writes until the check has passed */
  /* Under check_mutex too: evt_store_open_async() is running; reads wait for it, except
   * in its own thread, once it has started. */
  gboolean      opening;
  GThread      *opener;
};

typedef enum
{
  CHECK_PASSED,   /* or never needed: a file created or checked at open */
  CHECK_PENDING,
  CHECK_RUNNING,
  CHECK_FAILED,
} CheckState;

G_DEFINE_TYPE (EvtStore, evt_store, G_TYPE_OBJECT)

/* A refused field is named in the message for people and in the error's private
 * data for widgets, which show the message next to that field. */
typedef struct
{
  char *field;
} EvtStoreErrorPrivate;

static void
evt_store_error_private_init (EvtStoreErrorPrivate *priv)
{
}

static void
evt_store_error_private_copy (const EvtStoreErrorPrivate *src,
                              EvtStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
evt_store_error_private_clear (EvtStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (EvtStoreError, evt_store_error)

/**
 * evt_store_error_get_field:
 * @error: an error
 *
 * Returns: (nullable): for %EVT_STORE_ERROR_INVALID, the property name of the
 *   refused field ("title", "end", "sectors"...), else %NULL
 */
const char *
evt_store_error_get_field (const GError *error)
{
  EvtStoreErrorPrivate *priv = evt_store_error_get_private (error);

  return priv != NULL ? priv->field : NULL;
}

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Forward migrations: migrations[i] brings the schema from version i to i + 1.
 * Never edit a migration that has shipped; add a new one. */
static const char * const migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE sectors ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  colour TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  status_reason TEXT,"
  "  all_day INTEGER NOT NULL,"
  "  start TEXT NOT NULL,"
  "  end TEXT NOT NULL,"
  "  tzid TEXT NOT NULL,"
  "  original_start TEXT,"
  "  original_end TEXT,"
  "  venue TEXT,"
  "  city TEXT,"
  "  country TEXT,"
  "  organiser TEXT,"
  "  partners TEXT,"
  "  url TEXT,"
  "  description TEXT,"
  "  notes TEXT,"
  "  budget_cents INTEGER,"
  "  visibility TEXT NOT NULL,"
  "  sequence INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  series TEXT"
  ");"
  "CREATE UNIQUE INDEX events_uid ON events (uid);"
  "CREATE INDEX events_start ON events (start);"
  "CREATE TABLE event_sectors ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  sector_id INTEGER NOT NULL REFERENCES sectors (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (event_id, sector_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_sectors_sector ON event_sectors (sector_id);",

  /* 1 → 2: where an event came from, occurrences of imported recurring events, and
   * full-text search insensitive to case and accents. */
  "ALTER TABLE events ADD COLUMN source TEXT;"
  "ALTER TABLE events ADD COLUMN recurrence_id TEXT;"
  "DROP INDEX events_uid;"
  "CREATE UNIQUE INDEX events_uid ON events (uid, ifnull (recurrence_id, ''));"
  "CREATE VIRTUAL TABLE events_fts USING fts5 ("
  "  title, city, venue, organiser, partners, description, notes,"
  "  content = 'events', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
  "  INSERT INTO events_fts (rowid, title, city, venue, organiser, partners,"
  "                          description, notes)"
  "  VALUES (new.id, new.title, new.city, new.venue, new.organiser, new.partners,"
  "          new.description, new.notes);"
  "END;"
  "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
  "  INSERT INTO events_fts (events_fts, rowid, title, city, venue, organiser, partners,"
  "                          description, notes)"
  "  VALUES ('delete', old.id, old.title, old.city, old.venue, old.organiser,"
  "          old.partners, old.description, old.notes);"
  "END;"
  "CREATE TRIGGER events_fts_update AFTER UPDATE ON events BEGIN"
  "  INSERT INTO events_fts (events_fts, rowid, title, city, venue, organiser, partners,"
  "                          description, notes)"
  "  VALUES ('delete', old.id, old.title, old.city, old.venue, old.organiser,"
  "          old.partners, old.description, old.notes);"
  "  INSERT INTO events_fts (rowid, title, city, venue, organiser, partners,"
  "                          description, notes)"
  "  VALUES (new.id, new.title, new.city, new.venue, new.organiser, new.partners,"
  "          new.description, new.notes);"
  "END;"
  "INSERT INTO events_fts (events_fts) VALUES ('rebuild');",

  /* 2 → 3: named feeds (saved filters written to .ics files, see evt-feed.c) and
   * settings such as the feed folder. */
  "CREATE TABLE feeds ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),"
  "  name TEXT NOT NULL,"
  "  description TEXT,"
  "  range_kind TEXT NOT NULL DEFAULT 'all'"
  "    CHECK (range_kind IN ('all', 'years', 'rolling')),"
  "  range_from INTEGER NOT NULL DEFAULT 0,"
  "  range_to INTEGER NOT NULL DEFAULT 0,"
  "  statuses TEXT,"
  "  kinds TEXT,"
  "  sectors TEXT,"
  "  privacy TEXT NOT NULL DEFAULT 'public' CHECK (privacy IN ('public', 'internal')),"
  "  cancelled TEXT NOT NULL DEFAULT 'prefix'"
  "    CHECK (cancelled IN ('include', 'exclude', 'prefix')),"
  "  postponed TEXT NOT NULL DEFAULT 'prefix'"
  "    CHECK (postponed IN ('include', 'exclude', 'prefix')),"
  "  refresh_minutes INTEGER NOT NULL DEFAULT 60,"
  "  colour TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;",

  /* 3 → 4: organisations, people, their participations in events, and the outcomes
   * of events (see evt-people.c). Events are referenced without ON DELETE CASCADE on
   * purpose: deleting an event that has any of these goes through
   * evt_people_delete_event(), which asks for confirmation. */
  "CREATE TABLE organisations ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  normalised_name TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL DEFAULT 'company',"
  "  member INTEGER NOT NULL DEFAULT 0,"
  "  sector_id INTEGER REFERENCES sectors (id) ON DELETE SET NULL,"
  "  city TEXT,"
  "  email TEXT,"
  "  phone TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE INDEX organisations_sector ON organisations (sector_id);"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  normalised_name TEXT NOT NULL,"
  "  organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  job_title TEXT,"
  "  email TEXT,"
  "  phone TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE INDEX people_name ON people (normalised_name);"
  "CREATE INDEX people_organisation ON people (organisation_id);"
  "CREATE TABLE participations ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id),"
  "  organisation_id INTEGER REFERENCES organisations (id),"
  "  person_id INTEGER REFERENCES people (id),"
  "  role TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  note TEXT,"
  "  modified TEXT NOT NULL,"
  "  CHECK (organisation_id IS NOT NULL OR person_id IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX participations_who ON participations"
  "  (event_id, ifnull (organisation_id, 0), ifnull (person_id, 0));"
  "CREATE INDEX participations_organisation ON participations (organisation_id);"
  "CREATE INDEX participations_person ON participations (person_id);"
  "CREATE TABLE outcomes ("
  "  event_id INTEGER PRIMARY KEY REFERENCES events (id),"
  "  contacts INTEGER,"
  "  leads INTEGER,"
  "  meetings INTEGER,"
  "  projects INTEGER,"
  "  press INTEGER,"
  "  satisfaction REAL,"
  "  notes TEXT,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE TABLE outcome_projects ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id),"
  "  name TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX outcome_projects_event ON outcome_projects (event_id);"
  "CREATE TABLE costs ("
  "  event_id INTEGER NOT NULL REFERENCES events (id),"
  "  category TEXT NOT NULL,"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  PRIMARY KEY (event_id, category)"
  ") WITHOUT ROWID;"
  "CREATE TABLE leads ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id),"
  "  organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  organisation_name TEXT,"
  "  contact TEXT,"
  "  subject TEXT,"
  "  next_step TEXT,"
  "  follow_up TEXT,"
  "  state TEXT NOT NULL DEFAULT 'open',"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE INDEX leads_event ON leads (event_id);"
  "CREATE INDEX leads_organisation ON leads (organisation_id);"
  "CREATE INDEX leads_follow_up ON leads (state, follow_up);",

  /* 4 → 5: a year, or anything from a date on, is found by where events end: the
   * events that start before the year's end are nearly the whole file. */
  "CREATE INDEX events_end ON events (end);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == EVT_STORE_SCHEMA_VERSION);

/* The sectors a new database starts with; people rename, recolour and add to them. */
static const struct {
  const char *slug;
  const char *name;
  const char *colour;
} default_sectors[] = {
  { "health", N_("Health (Innov’Health)"), "#2ec27e" },
  { "aerospace", N_("Aerospace–Space–Defence (AEROµTECH)"), "#1c71d8" },
  { "industry-future", N_("Industry of the future"), "#e66100" },
  { "watchmaking-luxury", N_("Watchmaking and luxury"), "#9141ac" },
  { "microtechnology", N_("Microtechnology"), "#1a7f8e" },
};

#define EVENT_COLUMNS \
  "e.id, e.uid, e.title, e.kind, e.status, e.status_reason, e.all_day, e.start, e.end," \
  " e.tzid, e.original_start, e.original_end, e.venue, e.city, e.country, e.organiser," \
  " e.partners, e.url, e.description, e.notes, e.budget_cents, e.visibility," \
  " e.sequence, e.created, e.modified, e.series, e.source, e.recurrence_id," \
  " (SELECT group_concat (slug, ',') FROM" \
  "   (SELECT s.slug FROM event_sectors es JOIN sectors s ON s.id = es.sector_id" \
  "    WHERE es.event_id = e.id ORDER BY s.position, s.slug))"

static gboolean
emit_changed_idle (gpointer data)
{
  EvtStore *self = data;

  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* "changed" is heard in the thread that made the store (the window's main thread,
 * the command line, a test). A write from a worker thread queues the emission to
 * that thread's main context; it never emits from the worker, even when no loop
 * runs there at that moment (handlers touch widgets). */
static void
notify_changed (EvtStore *self)
{
  GSource *source;

  if (g_thread_self () == self->thread)
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_changed_idle, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[eventail] store changed");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

void
evt_store_set_sqlite_error (EvtStore   *self,
                            const char *what,
                            GError    **error)
{
  int code = sqlite3_errcode (self->db);
  int ext = sqlite3_extended_errcode (self->db);
  EvtStoreError store_code = EVT_STORE_ERROR_FAILED;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    store_code = EVT_STORE_ERROR_NOT_DATABASE;
  else if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY ||
           ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    store_code = EVT_STORE_ERROR_CONSTRAINT;

  g_set_error (error, EVT_STORE_ERROR, store_code, "%s: %s: %s",
               self->path, what, sqlite3_errmsg (self->db));
}

sqlite3 *
evt_store_get_db (EvtStore *self)
{
  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  return self->db;
}

void
evt_store_mark_changed (EvtStore *self)
{
  g_return_if_fail (EVT_IS_STORE (self));

  self->changed = TRUE;
}

static gboolean
exec (EvtStore    *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (self, _("cannot run a statement"), error);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (EvtStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (self, _("cannot prepare a statement"), error);
      return NULL;
    }
  return stmt;
}

static sqlite3_stmt *prepare_cached (EvtStore    *self,
                                     const char  *sql,
                                     GError     **error);
static void release_cached (sqlite3_stmt *stmt);
static void sort_key_func (sqlite3_context  *context,
                           int               argc,
                           sqlite3_value   **argv);

static void
finalize_stmt (sqlite3_stmt *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, finalize_stmt)

static void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, idx);
}

/* Reads made while evt_store_open_async() runs wait for it, so that the events can be
 * asked for before the store is open (see evt_store_open_async()). */
static gboolean
check_open (EvtStore  *self,
            GError   **error)
{
  g_mutex_lock (&self->check_mutex);
  while (self->opening && self->opener != g_thread_self ())
    g_cond_wait (&self->check_cond, &self->check_mutex);
  g_mutex_unlock (&self->check_mutex);

  if (self->db != NULL)
    return TRUE;

  g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
               _("The database %s is not open"), self->path);
  return FALSE;
}

static gboolean ensure_checked (EvtStore  *self,
                                GError   **error);

/**
 * evt_store_begin:
 * @self: a store
 * @error: return location for a #GError
 *
 * Starts a transaction (or a savepoint inside one) and takes the store's lock for
 * the calling thread until the matching evt_store_commit() or evt_store_rollback().
 *
 * Returns: %TRUE if the transaction started; on %FALSE nothing is held.
 */
gboolean
evt_store_begin (EvtStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);

  if (!check_open (self, error) || !ensure_checked (self, error))
    return FALSE;

  g_rec_mutex_lock (&self->lock);

  if (self->query_only)
    {
      if (!exec (self, "PRAGMA query_only = 0", error))
        {
          g_rec_mutex_unlock (&self->lock);
          return FALSE;
        }
      self->query_only = FALSE;
    }

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT evt_%u", self->depth);

  if (!exec (self, sql, error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  if (self->depth == 0)
    self->changed = FALSE;
  self->depth++;
  return TRUE;
}

/**
 * evt_store_commit:
 * @self: a store
 * @error: return location for a #GError
 *
 * Ends the innermost transaction opened with evt_store_begin(). When the outermost
 * one is committed and events changed, #EvtStore::changed is emitted.
 * On failure the transaction is rolled back.
 *
 * Returns: %TRUE if the changes were committed
 */
gboolean
evt_store_commit (EvtStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;
  gboolean changed;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE evt_%u", self->depth - 1);

  if (!exec (self, sql, error))
    {
      evt_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  changed = self->depth == 0 && self->changed;
  if (self->depth == 0)
    self->changed = FALSE;
  g_rec_mutex_unlock (&self->lock);

  if (changed)
    notify_changed (self);

  return TRUE;
}

/**
 * evt_store_rollback:
 * @self: a store
 *
 * Undoes everything since the matching evt_store_begin() and releases the lock.
 */
void
evt_store_rollback (EvtStore *self)
{
  g_return_if_fail (EVT_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* Fails only if SQLite already rolled back on its own (e.g. SQLITE_FULL). */
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->changed = FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO evt_%u; RELEASE evt_%u",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }

  self->depth--;
  g_rec_mutex_unlock (&self->lock);
}

static void
evt_store_finalize (GObject *object)
{
  EvtStore *self = (EvtStore *)object;

  g_warn_if_fail (self->depth == 0);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->check_error);
  g_mutex_clear (&self->check_mutex);
  g_cond_clear (&self->check_cond);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (evt_store_parent_class)->finalize (object);
}

static void
evt_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EvtStore *self = EVT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EvtStore *self = EVT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
evt_store_class_init (EvtStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = evt_store_finalize;
  object_class->get_property = evt_store_get_property;
  object_class->set_property = evt_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EvtStore::changed:
   *
   * Emitted after a committed write changed events or sectors, in the thread
   * that created the store (queued to its thread-default main context when the
   * write came from another thread).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
evt_store_init (EvtStore *self)
{
  g_rec_mutex_init (&self->lock);
  g_mutex_init (&self->check_mutex);
  g_cond_init (&self->check_cond);
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_self ();
}

/**
 * evt_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/eventail/eventail.db`
 */
char *
evt_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "eventail", "eventail.db", NULL);
}

/**
 * evt_store_resolve_path:
 * @explicit_path: (nullable): a path given on the command line
 *
 * Chooses the database file: @explicit_path, else the `EVENTAIL_DATABASE`
 * environment variable, else the default path.
 *
 * Returns: (transfer full): the path of the database to use
 */
char *
evt_store_resolve_path (const char *explicit_path)
{
  const char *env;

  if (explicit_path != NULL && explicit_path[0] != '\0')
    return g_strdup (explicit_path);

  env = g_getenv ("EVENTAIL_DATABASE");
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return evt_store_get_default_path ();
}

/**
 * evt_store_new:
 * @path: the database file
 *
 * Creates a store for @path without touching the disk; call evt_store_open() or
 * evt_store_open_async() next.
 *
 * Returns: (transfer full): a new store
 */
EvtStore *
evt_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (EVT_TYPE_STORE, "path", path, NULL);
}

/**
 * evt_store_get_path:
 * @self: a store
 *
 * Returns: the database file
 */
const char *
evt_store_get_path (EvtStore *self)
{
  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  return self->path;
}

/* Refuses anything that is not an SQLite file before SQLite sees it: SQLite would
 * happily turn an empty or foreign file into a database when it writes. */
static gboolean
check_existing_file (const char  *path,
                     gboolean    *exists,
                     GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char header[16];
  int fd;
  ssize_t n;

  *exists = FALSE;
  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
                   _("Cannot read the database %s: %s"), path, g_strerror (errno));
      return FALSE;
    }

  *exists = TRUE;
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
                   _("The database %s is not a regular file"), path);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
                   _("Cannot read the database %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE,
                   _("%s is not an Eventail database (it is not an SQLite file); "
                     "it was left untouched"), path);
      return FALSE;
    }

  return TRUE;
}

/* Creates the file itself, so that it is private from its first byte. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
                   _("Cannot create the database %s: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* @sql run to its first row, or %NULL with @error set. */
static sqlite3_stmt *
read_row (EvtStore    *self,
          const char  *sql,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      evt_store_set_sqlite_error (self, _("cannot read"), error);
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

static gboolean
read_int (EvtStore    *self,
          const char  *sql,
          gint64      *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = read_row (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
read_text (EvtStore    *self,
           const char  *sql,
           char       **value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = read_row (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
seed_sectors (EvtStore  *self,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT OR IGNORE INTO sectors (slug, name, colour, position)"
                  " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (default_sectors); i++)
    {
      sqlite3_reset (stmt);
      bind_text (stmt, 1, default_sectors[i].slug);
      bind_text (stmt, 2, _(default_sectors[i].name));
      bind_text (stmt, 3, default_sectors[i].colour);
      sqlite3_bind_int (stmt, 4, i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          evt_store_set_sqlite_error (self, _("cannot add the default sectors"), error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrate (EvtStore  *self,
         gint64     from,
         GError   **error)
{
  for (gint64 version = from; version < EVT_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = NULL;

      if (!evt_store_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT,
                                     version + 1);
      if (!exec (self, migrations[version], error) ||
          (version == 0 && !seed_sectors (self, error)) ||
          !exec (self, set_version, error))
        {
          g_prefix_error (error, _("Cannot upgrade the database to version %d: "),
                          (int) version + 1);
          evt_store_rollback (self);
          return FALSE;
        }

      if (!evt_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

/* A damaged page outside the schema is otherwise only found when written. */
#define QUICK_CHECK_SQL "SELECT count(*) FROM pragma_quick_check WHERE quick_check <> 'ok'"

static void
set_corrupt_error (const char  *path,
                   GError     **error)
{
  g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE,
               _("%s is corrupt or not an Eventail database; it was left untouched"), path);
}

/* SQLite's quick check of the whole file, on a read-only connection of its own, so
 * that the store's connection goes on reading meanwhile. */
static gboolean
run_quick_check (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_damaged = -1;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, QUICK_CHECK_SQL, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          n_damaged = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK && db != NULL)
    rc = sqlite3_errcode (db);
  if (n_damaged > 0 || rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    set_corrupt_error (path, error);
  else if (rc != SQLITE_OK)
    g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_FAILED,
                 _("Cannot check the database %s: %s"), path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n_damaged == 0;
}

/* Runs the check left pending by evt_store_open_async(), or waits for the thread
 * running it; every write starts here, so that a damaged file is never written. */
static gboolean
ensure_checked (EvtStore  *self,
                GError   **error)
{
  gboolean passed;

  g_mutex_lock (&self->check_mutex);
  while (self->check_state == CHECK_RUNNING)
    g_cond_wait (&self->check_cond, &self->check_mutex);

  if (self->check_state == CHECK_PENDING)
    {
      g_autoptr(GError) local_error = NULL;

      self->check_state = CHECK_RUNNING;
      g_mutex_unlock (&self->check_mutex);

      passed = run_quick_check (self->path, &local_error);

      g_mutex_lock (&self->check_mutex);
      self->check_state = passed ? CHECK_PASSED : CHECK_FAILED;
      self->check_error = g_steal_pointer (&local_error);
      g_cond_broadcast (&self->check_cond);
    }

  passed = self->check_state == CHECK_PASSED;
  if (!passed)
    g_propagate_error (error, g_error_copy (self->check_error));
  g_mutex_unlock (&self->check_mutex);

  return passed;
}

/* An Eventail file closed cleanly has no write-ahead log left beside it: SQLite
 * folds the log into the file and deletes it when the last connection closes. */
static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) != 0)
    return errno == ENOENT;
  return st.st_size == 0;
}

/* Opens the file; with @defer_check, the integrity check of a file that was closed
 * cleanly and needs no upgrade is left for later (see ensure_checked()): the events
 * can be read at once, and SQLite refuses writes until the check has passed. */
static gboolean
open_store (EvtStore      *self,
            gboolean       defer_check,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *journal_mode = NULL;
  gboolean exists;
  gint64 version = 0;
  gint64 n_objects = 0;
  gint64 n_damaged = 0;
  int rc;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!check_existing_file (self->path, &exists, error))
    return FALSE;
  if (!exists && !create_private_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function_v2 (self->db, "evt_sort_key", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sort_key_func, NULL, NULL, NULL);

  /* Read before anything writes, so that a foreign, corrupt or newer file is
   * refused without a byte of it changing. */
  if (!read_int (self, "PRAGMA user_version", &version, error) ||
      !read_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error) ||
      !read_text (self, "PRAGMA journal_mode", &journal_mode, error))
    goto refuse;

  /* Nothing will be written before the check (no upgrade, already a WAL file), and
   * nothing suggests damage (no log left by a crash): the check can wait. */
  defer_check = defer_check && exists && version == EVT_STORE_SCHEMA_VERSION &&
                g_strcmp0 (journal_mode, "wal") == 0 && closed_cleanly (self->path);
  if (!defer_check &&
      (!read_int (self, QUICK_CHECK_SQL, &n_damaged, error) || n_damaged > 0))
    goto refuse;

  if (version > EVT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Eventail (database version "
                     "%d, this version reads up to %d); update Eventail to open it"),
                   self->path, (int) version, EVT_STORE_SCHEMA_VERSION);
      goto fail;
    }

  if (version == 0 && n_objects > 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_DATABASE,
                   _("%s is an SQLite database of another application, not an "
                     "Eventail one; it was left untouched"), self->path);
      goto fail;
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      (defer_check && !exec (self, "PRAGMA query_only = 1", error)) ||
      !migrate (self, version, error))
    goto fail;

  self->query_only = defer_check;
  self->check_state = defer_check ? CHECK_PENDING : CHECK_PASSED;
  return TRUE;

refuse:
  if (n_damaged > 0 ||
      (error != NULL && *error != NULL && (*error)->code == EVT_STORE_ERROR_NOT_DATABASE))
    {
      g_clear_error (error);
      set_corrupt_error (self->path, error);
    }

fail:
  g_clear_pointer (&self->db, sqlite3_close);
  /* A file this call created and could not make a database (disk full...) would
   * be refused as "not SQLite" from then on: take it back. */
  if (!exists)
    g_unlink (self->path);
  return FALSE;
}

/**
 * evt_store_open:
 * @self: a store
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens the database, creating it (file mode 0600, folder 0700) if it does not
 * exist, and upgrades its schema. A file that is not an Eventail database, is
 * corrupt, or comes from a newer Eventail is refused and left untouched.
 *
 * Returns: %TRUE if the store is ready
 */
gboolean
evt_store_open (EvtStore      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  return open_store (self, FALSE, cancellable, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  EvtStore *self = source_object;
  GError *error = NULL;
  gboolean opened;

  g_mutex_lock (&self->check_mutex);
  self->opener = g_thread_self ();
  g_mutex_unlock (&self->check_mutex);

  opened = open_store (self, TRUE, cancellable, &error);

  g_mutex_lock (&self->check_mutex);
  self->opening = FALSE;
  self->opener = NULL;
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_mutex);

  if (opened)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * evt_store_open_async:
 * @self: a store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open or has failed
 * @user_data: data for @callback
 *
 * Does evt_store_open() in a worker thread, except that the integrity check of a
 * file that was closed cleanly and needs no upgrade, the part of the opening that
 * grows with the file, is left for later so that the events can be read at once:
 * evt_store_verify_async() runs it. Until it has passed, writes wait for it (the
 * first one runs it if nothing did); a damaged file then refuses every write with
 * %EVT_STORE_ERROR_NOT_DATABASE and is left untouched.
 *
 * Reads can be asked for from worker threads as soon as this returns (an
 * #EvtEventList can be given its query): they wait for the opening, and fail as a
 * closed store's do if it fails.
 */
void
evt_store_open_async (EvtStore            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (self));

  g_mutex_lock (&self->check_mutex);
  self->opening = TRUE;
  g_mutex_unlock (&self->check_mutex);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_store_open_async);
  g_task_run_in_thread (task, open_thread);
}

/**
 * evt_store_open_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the store is ready
 */
gboolean
evt_store_open_finish (EvtStore      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (ensure_checked (source_object, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * evt_store_verify_async:
 * @self: an open store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is known to be sound or damaged
 * @user_data: data for @callback
 *
 * Runs, in a worker thread, the integrity check that evt_store_open_async() left
 * for later, or waits for it; done at once when there is none left.
 */
void
evt_store_verify_async (EvtStore            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_store_verify_async);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * evt_store_verify_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file is sound; %FALSE with %EVT_STORE_ERROR_NOT_DATABASE if
 *   it is damaged (the store then refuses every write)
 */
gboolean
evt_store_verify_finish (EvtStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Events ------------------------------------------------------------------ */

static char *
datetime_to_utc_iso (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
datetime_from_utc_iso (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

/* Local ISO text in the event's zone: "2021-03-16" (all-day) or
 * "2021-03-16T09:00:00" (timed). Sorting these strings sorts by local start. */
static char *
local_iso (GDateTime *dt,
           gboolean   all_day)
{
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, all_day ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%S");
}

static GDateTime *
parse_local_iso (const char *text,
                 GTimeZone  *tz)
{
  int y, mo, d, h = 0, mi = 0, s = 0;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3)
    return NULL;
  return g_date_time_new (tz, y, mo, d, h, mi, s);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static EvtEvent *
event_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(EvtEvent) event = evt_event_new ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) ostart = NULL;
  g_autoptr(GDateTime) oend = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_auto(GStrv) sectors = NULL;
  gboolean all_day;
  EvtKind kind = EVT_KIND_OTHER;
  EvtStatus status = EVT_STATUS_TENTATIVE;
  EvtVisibility visibility = EVT_VISIBILITY_PUBLIC;
  const char *tzid;

  evt_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  evt_event_set_uid (event, column_text (stmt, 1));
  evt_event_set_title (event, column_text (stmt, 2));
  evt_kind_from_string (column_text (stmt, 3), &kind);
  evt_event_set_kind (event, kind);
  evt_status_from_string (column_text (stmt, 4), &status);
  evt_event_set_status (event, status);
  evt_event_set_status_reason (event, column_text (stmt, 5));

  all_day = sqlite3_column_int (stmt, 6) != 0;
  tzid = column_text (stmt, 9);
  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    tz = g_time_zone_new_identifier (EVT_DEFAULT_TIMEZONE);
  evt_event_set_timezone (event, tzid);
  start = parse_local_iso (column_text (stmt, 7), tz);
  end = parse_local_iso (column_text (stmt, 8), tz);
  evt_event_set_dates (event, all_day, start, end);
  ostart = parse_local_iso (column_text (stmt, 10), tz);
  oend = parse_local_iso (column_text (stmt, 11), tz);
  evt_event_set_original_dates (event, ostart, oend);

  evt_event_set_venue (event, column_text (stmt, 12));
  evt_event_set_city (event, column_text (stmt, 13));
  evt_event_set_country (event, column_text (stmt, 14));
  evt_event_set_organiser (event, column_text (stmt, 15));
  evt_event_set_partners (event, column_text (stmt, 16));
  evt_event_set_url (event, column_text (stmt, 17));
  evt_event_set_description (event, column_text (stmt, 18));
  evt_event_set_notes (event, column_text (stmt, 19));
  evt_event_set_budget_cents (event, sqlite3_column_type (stmt, 20) == SQLITE_NULL
                                     ? -1 : sqlite3_column_int64 (stmt, 20));
  evt_visibility_from_string (column_text (stmt, 21), &visibility);
  evt_event_set_visibility (event, visibility);
  evt_event_set_sequence (event, sqlite3_column_int (stmt, 22));
  created = datetime_from_utc_iso (column_text (stmt, 23));
  modified = datetime_from_utc_iso (column_text (stmt, 24));
  evt_event_set_created (event, created);
  evt_event_set_modified (event, modified);
  evt_event_set_series (event, column_text (stmt, 25));
  evt_event_set_source (event, column_text (stmt, 26));
  evt_event_set_recurrence_id (event, column_text (stmt, 27));

  if (column_text (stmt, 28) != NULL)
    sectors = g_strsplit (column_text (stmt, 28), ",", -1);
  evt_event_set_sectors (event, (const char * const *) sectors);

  return g_steal_pointer (&event);
}

static GPtrArray *
run_event_query (EvtStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (self, _("cannot read events"), error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

static EvtEvent *
get_one_event (EvtStore    *self,
               gboolean     wait,
               const char  *where,
               gint64       id,
               const char  *uid,
               const char  *recurrence_id,
               GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " EVENT_COLUMNS " FROM events e WHERE ",
                                      where, NULL);
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) events = NULL;

  if (!check_open (self, error))
    return NULL;

  if (wait)
    g_rec_mutex_lock (&self->lock);
  else if (!g_rec_mutex_trylock (&self->lock))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK,
                           _("The database is busy"));
      return NULL;
    }
  stmt = prepare_cached (self, sql, error);
  if (stmt != NULL)
    {
      if (uid != NULL)
        {
          bind_text (stmt, 1, uid);
          bind_text (stmt, 2, recurrence_id);
        }
      else
        sqlite3_bind_int64 (stmt, 1, id);
      events = run_event_query (self, stmt, error);
      release_cached (stmt);
    }
  g_rec_mutex_unlock (&self->lock);

  if (events == NULL)
    return NULL;

  if (events->len == 0)
    {
      if (uid != NULL)
        g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND,
                     _("No event with uid “%s”"), uid);
      else
        g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND,
                     _("No event with id %lld"), (long long) id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (events, 0));
}

/**
 * evt_store_get_event:
 * @self: a store
 * @id: the event's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with
 *   %EVT_STORE_ERROR_NOT_FOUND
 */
EvtEvent *
evt_store_get_event (EvtStore  *self,
                     gint64     id,
                     GError   **error)
{
  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  return get_one_event (self, TRUE, "e.id = ?1", id, NULL, NULL, error);
}

/**
 * evt_store_try_get_event:
 * @self: a store
 * @id: the event's id
 * @error: return location for a #GError
 *
 * Does evt_store_get_event() unless another thread holds the store (a query, a
 * write), for a UI thread that must never wait.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with
 *   %G_IO_ERROR_WOULD_BLOCK when the store is busy, or %EVT_STORE_ERROR_NOT_FOUND
 */
EvtEvent *
evt_store_try_get_event (EvtStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  return get_one_event (self, FALSE, "e.id = ?1", id, NULL, NULL, error);
}

/**
 * evt_store_get_occurrence:
 * @self: a store
 * @uid: an iCalendar UID
 * @recurrence_id: (nullable): the occurrence, as ISO 8601 text, or %NULL for a
 *   single event
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with
 *   %EVT_STORE_ERROR_NOT_FOUND
 */
EvtEvent *
evt_store_get_occurrence (EvtStore    *self,
                          const char  *uid,
                          const char  *recurrence_id,
                          GError     **error)
{
  g_return_val_if_fail (EVT_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return get_one_event (self, TRUE,
                        "e.uid = ?1 AND ifnull (e.recurrence_id, '') = ifnull (?2, '')",
                        0, uid, recurrence_id, error);
}

/**
 * evt_store_get_event_by_uid:
 * @self: a store
 * @uid: an iCalendar UID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the event with that UID and no
 *   recurrence id, or %NULL with %EVT_STORE_ERROR_NOT_FOUND
 */
EvtEvent *
evt_store_get_event_by_uid (EvtStore    *self,
                            const char  *uid,
                            GError     **error)
{
  return evt_store_get_occurrence (self, uid, NULL, error);
}

/**
 * evt_store_lookup_event:
 * @self: a store
 * @id_or_uid: a numeric id, or a UID
 * @error: return location for a #GError
 *
 * Finds the event people name on the command line.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with
 *   %EVT_STORE_ERROR_NOT_FOUND
 */
EvtEvent *
evt_store_lookup_event (EvtStore    *self,
                        const char  *id_or_uid,
                        GError     **error)
{
  guint64 id;

  g_return_val_if_fail (EVT_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_uid != NULL, NULL);

  if (g_ascii_string_to_unsigned (id_or_uid, 10, 1, G_MAXINT64, &id, NULL))
    return evt_store_get_event (self, (gint64) id, error);

  return evt_store_get_event_by_uid (self, id_or_uid, error);
}

/* Turns what people type into an FTS5 query: each word a quoted prefix, all
 * required. Quoting keeps FTS5 operators and punctuation from being syntax. */
static char *
fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

static void
append_mask_filter (GString    *sql,
                    const char *column,
                    guint       mask,
                    guint       n_values,
                    const char *(*to_string) (int))
{
  gboolean first = TRUE;

  if (mask == 0)
    return;

  g_string_append_printf (sql, " AND %s IN (", column);
  for (guint i = 0; i < n_values; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;
      /* Fixed identifiers from our own tables, never user text. */
      g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", to_string (i));
      first = FALSE;
    }
  g_string_append (sql, ")");
}

static const char *
kind_string (int value)
{
  return evt_kind_to_string (value);
}

static const char *
status_string (int value)
{
  return evt_status_to_string (value);
}

/* Sorting */

/* evt_sort_key (text): a key whose bytes sort as people read the texts, case-insensitive
 * and in the locale's order (what GtkStringSorter does), worked out once a row. */
static void
sort_key_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *folded = NULL;
  char *key;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  folded = g_utf8_casefold (text, -1);
  key = g_utf8_collate_key (folded, -1);
  sqlite3_result_blob (context, key, (int) strlen (key), g_free);
}

typedef struct
{
  const char *label;
  int         value;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *fa = g_utf8_casefold (((const Ranked *) a)->label, -1);
  g_autofree char *fb = g_utf8_casefold (((const Ranked *) b)->label, -1);

  return g_utf8_collate (fa, fb);
}

/* CASE column WHEN 'nick' THEN rank ... END, ranked in the order of the labels, or in
 * the order of the enum without @get_label. */
static void
append_label_rank (GString    *sql,
                   const char *column,
                   guint       n_values,
                   const char *(*to_string) (int),
                   const char *(*get_label) (int))
{
  g_autofree Ranked *ranked = g_new0 (Ranked, n_values);

  for (guint i = 0; i < n_values; i++)
    ranked[i] = (Ranked) { get_label != NULL ? get_label ((int) i) : NULL, (int) i };
  if (get_label != NULL)
    qsort (ranked, n_values, sizeof (Ranked), compare_ranked);

  g_string_append_printf (sql, "CASE %s", column);
  for (guint i = 0; i < n_values; i++)
    /* Fixed identifiers from our own enums, never user text. */
    g_string_append_printf (sql, " WHEN '%s' THEN %u", to_string (ranked[i].value), i);
  g_string_append_printf (sql, " ELSE %u END", n_values);
}

static const char *
kind_label (int value)
{
  return evt_kind_get_label (value);
}

/* The ORDER BY of @query: its column, then start, title and id. */
static void
append_order (GString        *sql,
              const EvtQuery *query)
{
  EvtQuerySort sort = query != NULL ? query->sort : EVT_QUERY_SORT_START;
  const char *dir = query != NULL && query->descending ? " DESC" : "";

  g_string_append (sql, " ORDER BY ");
  switch (sort)
    {
    case EVT_QUERY_SORT_TITLE:
      g_string_append_printf (sql, "evt_sort_key (e.title)%s, ", dir);
      break;

    case EVT_QUERY_SORT_KIND:
      append_label_rank (sql, "e.kind", EVT_N_KINDS, kind_string, kind_label);
      g_string_append_printf (sql, "%s, ", dir);
      break;

    case EVT_QUERY_SORT_CITY:
      g_string_append_printf (sql, "evt_sort_key (ifnull (e.city, ''))%s, ", dir);
      break;

    case EVT_QUERY_SORT_SECTORS:
      g_string_append_printf (sql, "evt_sort_key ((SELECT ifnull (group_concat (name,"
                                   " :separator), '')"
                                   " FROM (SELECT s.name FROM event_sectors es"
                                   " JOIN sectors s ON s.id = es.sector_id"
                                   " WHERE es.event_id = e.id ORDER BY s.position, s.slug)))%s, ",
                              dir);
      break;

    case EVT_QUERY_SORT_STATUS:
      append_label_rank (sql, "e.status", EVT_N_STATUSES, status_string, NULL);
      g_string_append_printf (sql, "%s, ", dir);
      break;

    case EVT_QUERY_SORT_PARTICIPANTS:
      /* As evt_people_summarise_events() counts them. */
      g_string_append_printf (sql, "(SELECT count (*) FROM participations pa"
                                   " WHERE pa.event_id = e.id AND pa.state != 'cancelled')%s, ",
                              dir);
      break;

    case EVT_QUERY_SORT_LEADS:
      /* Leads, then among equal counts those with more follow-ups due by today. */
      g_string_append_printf (sql, "(SELECT count (*) * 1000 + min (ifnull (sum (l.state = 'open'"
                                   " AND l.follow_up <= :today), 0), 999)"
                                   " FROM leads l WHERE l.event_id = e.id)%s, ", dir);
      break;

    case EVT_QUERY_SORT_START:
    case EVT_QUERY_N_SORTS:
    default:
      /* Sorted, not read in the order of the index on start: reading a whole table
       * through an index is some twice slower than reading it and sorting. */
      g_string_append_printf (sql, "+e.start%s, e.title COLLATE NOCASE, e.id", dir);
      return;
    }
  g_string_append (sql, "+e.start, e.title COLLATE NOCASE, e.id");
}

/* Queries */

#define ROW_COLUMNS \
  "e.id, e.uid, e.title, e.kind, e.status, e.status_reason, e.all_day, e.start, e.end," \
  " e.tzid, e.original_start, e.original_end, e.venue, e.city, e.country," \
  " (SELECT group_concat (slug, ',') FROM" \
  "   (SELECT s.slug FROM event_sectors es JOIN sectors s ON s.id = es.sector_id" \
  "    WHERE es.event_id = e.id ORDER BY s.position, s.slug))"

/* A query's SQL and the values of its parameters. */
typedef struct
{
  GString *sql;
  char    *from;
  char    *to;
  char    *fts;
  char    *today;
} QuerySql;

static void
query_sql_clear (QuerySql *q)
{
  if (q->sql != NULL)
    g_string_free (q->sql, TRUE);
  g_free (q->from);
  g_free (q->to);
  g_free (q->fts);
  g_free (q->today);
}

/* Whether events between @from and before @to are searched by their end (the index on
 * "end >= from") rather than by their start ("start < to"). Each reads the events on
 * one side of the dates, as many as the file holds there: the side where the file,
 * from its first start to its last end, has fewer days. */
static gboolean
nearer_to_end (EvtStore   *self,
               const char *from,
               const char *to)
{
  sqlite3_stmt *stmt;
  gboolean by_end = TRUE;

  /* Each subquery reads one end of its index. */
  g_rec_mutex_lock (&self->lock);
  stmt = prepare_cached (self, "SELECT ifnull (julianday ((SELECT max(end) FROM events))"
                               " - julianday (?1) <= julianday (?2)"
                               " - julianday ((SELECT min(start) FROM events)), 1)", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, from);
      bind_text (stmt, 2, to);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        by_end = sqlite3_column_int (stmt, 0);
      release_cached (stmt);
    }
  g_rec_mutex_unlock (&self->lock);
  return by_end;
}

static void
build_query_sql (EvtStore       *self,
                 QuerySql       *q,
                 const char     *columns,
                 const EvtQuery *query)
{
  gboolean by_end;

  q->sql = g_string_new ("SELECT ");
  g_string_append (q->sql, columns);
  g_string_append (q->sql, " FROM events e WHERE 1");

  if (query != NULL)
    {
      if (g_date_valid (&query->from))
        q->from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&query->from),
                                   g_date_get_month (&query->from),
                                   g_date_get_day (&query->from));
      if (g_date_valid (&query->to))
        {
          GDate next = query->to;

          /* "start < next day" also catches timed starts on the last day. */
          g_date_add_days (&next, 1);
          q->to = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&next),
                                   g_date_get_month (&next), g_date_get_day (&next));
        }
      /* Events from a day on are found by their end; a range, from the nearer side. */
      by_end = q->from != NULL && (q->to == NULL || nearer_to_end (self, q->from, q->to));

      /* A timed event ending at midnight does not reach that day. By the end, the first
       * condition, implied by the second, is the index's range; otherwise "+" keeps
       * SQLite off the end's index. */
      if (q->from != NULL)
        g_string_append (q->sql, by_end
                         ? " AND e.end >= :from"
                           " AND (e.end = :from OR e.end > :from || 'T00:00:00')"
                         : " AND (+e.end = :from OR +e.end > :from || 'T00:00:00')");
      /* By the end, "+" keeps SQLite on its index even where the start's would spare
       * it the sort. */
      if (q->to != NULL)
        g_string_append (q->sql, by_end ? " AND +e.start < :to" : " AND e.start < :to");
      append_mask_filter (q->sql, "e.status", query->statuses, EVT_N_STATUSES,
                          status_string);
      append_mask_filter (q->sql, "e.kind", query->kinds, EVT_N_KINDS, kind_string);
      if (query->visibility >= 0)
        g_string_append (q->sql, " AND e.visibility = :visibility");
      if (query->sectors != NULL && query->sectors[0] != NULL)
        {
          g_string_append (q->sql, " AND e.id IN (SELECT es.event_id FROM event_sectors es"
                                   " JOIN sectors s ON s.id = es.sector_id WHERE s.slug IN (");
          for (guint i = 0; query->sectors[i] != NULL; i++)
            g_string_append_printf (q->sql, "%s:sector%u", i > 0 ? ", " : "", i);
          g_string_append (q->sql, "))");
        }
      if (query->search != NULL)
        {
          q->fts = fts_query_from_text (query->search);
          if (q->fts != NULL)
            g_string_append (q->sql, " AND e.id IN (SELECT rowid FROM events_fts"
                                     " WHERE events_fts MATCH :search)");
        }
      if (query->sort == EVT_QUERY_SORT_LEADS)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          q->today = g_date_time_format (now, "%Y-%m-%d");
        }
    }
  append_order (q->sql, query);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    bind_text (stmt, index, value);
}

static void
bind_query (sqlite3_stmt   *stmt,
            const QuerySql *q,
            const EvtQuery *query)
{
  bind_named (stmt, ":from", q->from);
  bind_named (stmt, ":to", q->to);
  bind_named (stmt, ":search", q->fts);
  bind_named (stmt, ":today", q->today);
  /* Translators: between the names of an event's sectors */
  bind_named (stmt, ":separator", _(", "));
  if (query != NULL && query->visibility >= 0)
    bind_named (stmt, ":visibility", evt_visibility_to_string (query->visibility));
  if (query != NULL && query->sectors != NULL)
    for (guint i = 0; query->sectors[i] != NULL; i++)
      {
        g_autofree char *name = g_strdup_printf (":sector%u", i);

        bind_named (stmt, name, query->sectors[i]);
      }
}

/* Prepared statements of queries, kept for the next call with the same SQL (the same
 * filters and order): typing a search runs the same statement again and again. */
#define MAX_CACHED_STATEMENTS 32

static void
finalize_cached (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
prepare_cached (EvtStore    *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              finalize_cached);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      evt_store_set_sqlite_error (self, _("cannot prepare a statement"), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  if (g_hash_table_size (self->statements) >= MAX_CACHED_STATEMENTS)
    g_hash_table_remove_all (self->statements);
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Done with a cached statement: ready for the next call, holding no value. */
static void
release_cached (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* SQLite calls this every thousand steps of a statement: a cancelled query stops at
 * once (the step returns SQLITE_INTERRUPT), and gives the store's lock back. */
static int
on_progress (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static void
watch_cancellable (EvtStore     *self,
                   GCancellable *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, on_progress, cancellable);
  else
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
}

static void
set_step_error (EvtStore     *self,
                GCancellable *cancellable,
                const char   *what,
                GError      **error)
{
  /* SQLITE_INTERRUPT comes from on_progress() only: the cancellable says so. */
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    evt_store_set_sqlite_error (self, what, error);
}

/**
 * evt_store_query_cancellable:
 * @self: a store
 * @query: (nullable): what to read, %NULL for every event
 * @cancellable: (nullable): stops the query, even halfway through its statement
 * @error: return location for a #GError
 *
 * Reads the matching events, in the order of @query (by start then title by default).
 *
 * Returns: (transfer container) (element-type EvtEvent): the events, or %NULL with
 *   %G_IO_ERROR_CANCELLED when @cancellable was cancelled
 */
GPtrArray *
evt_store_query_cancellable (EvtStore        *self,
                             const EvtQuery  *query,
                             GCancellable    *cancellable,
                             GError         **error)
{
  QuerySql q = { NULL, };
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;

  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  if (!check_open (self, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  build_query_sql (self, &q, EVENT_COLUMNS, query);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare_cached (self, q.sql->str, error);
  if (stmt != NULL)
    {
      events = g_ptr_array_new_with_free_func (g_object_unref);
      bind_query (stmt, &q, query);
      watch_cancellable (self, cancellable);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (events, event_from_row (stmt));
      watch_cancellable (self, NULL);
      if (rc != SQLITE_DONE)
        {
          set_step_error (self, cancellable, _("cannot read events"), error);
          g_clear_pointer (&events, g_ptr_array_unref);
        }
      release_cached (stmt);
    }
  g_rec_mutex_unlock (&self->lock);

  query_sql_clear (&q);
  return g_steal_pointer (&events);
}

/* The plan SQLite makes for @query's events, one step a line (EXPLAIN QUERY PLAN's
 * details), or NULL with @error set; for tests. */
char *
evt_store_explain_query (EvtStore        *self,
                         const EvtQuery  *query,
                         GError         **error)
{
  QuerySql q = { NULL, };
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  build_query_sql (self, &q, EVENT_COLUMNS, query);
  g_string_prepend (q.sql, "EXPLAIN QUERY PLAN ");

  g_rec_mutex_lock (&self->lock);
  rc = sqlite3_prepare_v2 (self->db, q.sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      bind_query (stmt, &q, query);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    evt_store_set_sqlite_error (self, _("cannot read events"), error);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->lock);

  query_sql_clear (&q);
  return rc == SQLITE_DONE ? g_string_free (g_steal_pointer (&plan), FALSE) : NULL;
}

/**
 * evt_store_query:
 * @self: a store
 * @query: (nullable): what to read, %NULL for every event
 * @error: return location for a #GError
 *
 * Reads the matching events, in the order of @query (by start then title by default).
 *
 * Returns: (transfer container) (element-type EvtEvent): the events
 */
GPtrArray *
evt_store_query (EvtStore        *self,
                 const EvtQuery  *query,
                 GError         **error)
{
  return evt_store_query_cancellable (self, query, NULL, error);
}

/* Compact answers */

/* The fields that many events share (dates, places, time zones, sectors): a row holds
 * the index of its value in the answer's table of them, 4 bytes instead of a pointer's 8
 * (a hundred thousand rows of 80 bytes, not 120). */
typedef enum
{
  SHARED_STATUS_REASON,
  SHARED_START,
  SHARED_END,
  SHARED_TZID,
  SHARED_ORIGINAL_START,
  SHARED_ORIGINAL_END,
  SHARED_VENUE,
  SHARED_CITY,
  SHARED_COUNTRY,
  SHARED_SECTORS,         /* slugs, comma-separated */
  N_SHARED
} SharedField;

typedef struct
{
  gint64      id;
  guint64     fingerprint;
  const char *uid;
  const char *title;
  guint32     shared[N_SHARED];  /* in EvtEventRows.shared; 0 for NULL */
  guint8      kind;
  guint8      status;
  guint8      all_day;
} Row;

struct _EvtEventRows
{
  Row          *rows;
  guint         n_rows;
  guint         n_allocated;
  GStringChunk *strings;  /* what the rows point to */
  GPtrArray    *shared;   /* the shared values, in @strings; the first is NULL */
  GHashTable   *indexes;  /* while the rows are read: value → its index in @shared */
};

G_DEFINE_BOXED_TYPE (EvtEventRows, evt_event_rows, evt_event_rows_ref, evt_event_rows_unref)

static void
event_rows_clear (EvtEventRows *rows)
{
  g_clear_pointer (&rows->rows, g_free);
  g_clear_pointer (&rows->strings, g_string_chunk_free);
  g_clear_pointer (&rows->shared, g_ptr_array_unref);
  g_clear_pointer (&rows->indexes, g_hash_table_unref);
}

/**
 * evt_event_rows_new:
 *
 * Returns: (transfer full): an answer without rows
 */
EvtEventRows *
evt_event_rows_new (void)
{
  EvtEventRows *rows = g_atomic_rc_box_new0 (EvtEventRows);

  rows->strings = g_string_chunk_new (64 * 1024);
  rows->shared = g_ptr_array_new ();
  g_ptr_array_add (rows->shared, NULL);
  rows->indexes = g_hash_table_new (g_str_hash, g_str_equal);
  return rows;
}

/**
 * evt_event_rows_ref:
 * @rows: an answer
 *
 * Returns: (transfer full): @rows
 */
EvtEventRows *
evt_event_rows_ref (EvtEventRows *rows)
{
  g_return_val_if_fail (rows != NULL, NULL);

  return g_atomic_rc_box_acquire (rows);
}

/**
 * evt_event_rows_unref:
 * @rows: (nullable): an answer
 *
 * Releases a reference; the last one frees @rows.
 */
void
evt_event_rows_unref (EvtEventRows *rows)
{
  if (rows != NULL)
    g_atomic_rc_box_release_full (rows, (GDestroyNotify) event_rows_clear);
}

static guint64
fnv_text (guint64     hash,
          const char *text)
{
  /* NULL and "" differ; the terminator separates one field from the next. */
  if (text == NULL)
    text = "\xff";
  for (const guchar *p = (const guchar *) text; ; p++)
    {
      hash ^= *p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
      if (*p == '\0')
        break;
    }
  return hash;
}

static const char *
chunk_text (GStringChunk *chunk,
            sqlite3_stmt *stmt,
            int           col)
{
  const char *text = column_text (stmt, col);

  return text != NULL ? g_string_chunk_insert (chunk, text) : NULL;
}

/* A shared value is kept once an answer. */
static guint32
shared_index (EvtEventRows *rows,
              sqlite3_stmt *stmt,
              int           col)
{
  const char *text = column_text (stmt, col);
  gpointer index;

  if (text == NULL)
    return 0;
  if (!g_hash_table_lookup_extended (rows->indexes, text, NULL, &index))
    {
      char *kept = g_string_chunk_insert (rows->strings, text);

      index = GUINT_TO_POINTER (rows->shared->len);
      g_ptr_array_add (rows->shared, kept);
      g_hash_table_insert (rows->indexes, kept, index);
    }
  return GPOINTER_TO_UINT (index);
}

static const char *
row_shared (EvtEventRows *rows,
            const Row    *row,
            SharedField   field)
{
  return g_ptr_array_index (rows->shared, row->shared[field]);
}

static void
add_row (EvtEventRows *rows,
         sqlite3_stmt *stmt)
{
  Row row = { 0, };
  EvtKind kind = EVT_KIND_OTHER;
  EvtStatus status = EVT_STATUS_TENTATIVE;
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  int n_columns = sqlite3_column_count (stmt);

  for (int c = 0; c < n_columns; c++)
    hash = fnv_text (hash, column_text (stmt, c));

  row.id = sqlite3_column_int64 (stmt, 0);
  row.fingerprint = hash;
  row.uid = chunk_text (rows->strings, stmt, 1);
  row.title = chunk_text (rows->strings, stmt, 2);
  evt_kind_from_string (column_text (stmt, 3), &kind);
  evt_status_from_string (column_text (stmt, 4), &status);
  row.kind = kind;
  row.status = status;
  row.shared[SHARED_STATUS_REASON] = shared_index (rows, stmt, 5);
  row.all_day = sqlite3_column_int (stmt, 6) != 0;
  /* Columns 7 to 15, in the order of SharedField from the start. */
  for (SharedField field = SHARED_START; field < N_SHARED; field++)
    row.shared[field] = shared_index (rows, stmt, 7 + field - SHARED_START);
  if (rows->n_rows == rows->n_allocated)
    {
      rows->n_allocated = MAX (64, rows->n_allocated * 2);
      rows->rows = g_renew (Row, rows->rows, rows->n_allocated);
    }
  rows->rows[rows->n_rows++] = row;
}

/**
 * evt_store_query_rows:
 * @self: a store
 * @query: (nullable): what to read, %NULL for every event
 * @cancellable: (nullable): stops the query, even halfway through its statement
 * @error: return location for a #GError
 *
 * Reads the matching events, in the order of @query, as compact rows: for a list
 * of many events (see #EvtEventRows).
 *
 * Returns: (transfer full): the rows, or %NULL with %G_IO_ERROR_CANCELLED when
 *   @cancellable was cancelled
 */
EvtEventRows *
evt_store_query_rows (EvtStore        *self,
                      const EvtQuery  *query,
                      GCancellable    *cancellable,
                      GError         **error)
{
  QuerySql q = { NULL, };
  g_autoptr(EvtEventRows) rows = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;

  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  if (!check_open (self, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  build_query_sql (self, &q, ROW_COLUMNS, query);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare_cached (self, q.sql->str, error);
  if (stmt != NULL)
    {
      rows = evt_event_rows_new ();
      bind_query (stmt, &q, query);
      watch_cancellable (self, cancellable);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_row (rows, stmt);
      watch_cancellable (self, NULL);
      /* A list shows the answer for long, next to the one that replaces it: it keeps
       * the rows it has, not room for twice as many. */
      rows->n_allocated = rows->n_rows;
      rows->rows = g_renew (Row, rows->rows, rows->n_allocated);
      g_clear_pointer (&rows->indexes, g_hash_table_unref);
      if (rc != SQLITE_DONE)
        {
          set_step_error (self, cancellable, _("cannot read events"), error);
          g_clear_pointer (&rows, evt_event_rows_unref);
        }
      release_cached (stmt);
    }
  g_rec_mutex_unlock (&self->lock);

  query_sql_clear (&q);
  return g_steal_pointer (&rows);
}

/**
 * evt_event_rows_get_n_rows:
 * @rows: an answer
 *
 * Returns: how many events it has
 */
guint
evt_event_rows_get_n_rows (EvtEventRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->n_rows;
}

/**
 * evt_event_rows_get_id:
 * @rows: an answer
 * @position: a row
 *
 * Returns: the id of that row's event
 */
gint64
evt_event_rows_get_id (EvtEventRows *rows,
                       guint         position)
{
  g_return_val_if_fail (rows != NULL, 0);
  g_return_val_if_fail (position < rows->n_rows, 0);

  return rows->rows[position].id;
}

/**
 * evt_event_rows_get_fingerprint:
 * @rows: an answer
 * @position: a row
 *
 * Returns: a hash of every field of the row: equal from one answer to the next
 *   if the event did not change
 */
guint64
evt_event_rows_get_fingerprint (EvtEventRows *rows,
                                guint         position)
{
  g_return_val_if_fail (rows != NULL, 0);
  g_return_val_if_fail (position < rows->n_rows, 0);

  return rows->rows[position].fingerprint;
}

/**
 * evt_event_rows_find:
 * @rows: an answer
 * @id: an event's id
 * @position: (out) (optional): where its row is
 *
 * Returns: %TRUE if the event is in @rows
 */
gboolean
evt_event_rows_find (EvtEventRows *rows,
                     gint64        id,
                     guint        *position)
{
  g_return_val_if_fail (rows != NULL, FALSE);

  for (guint i = 0; i < rows->n_rows; i++)
    if (rows->rows[i].id == id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * evt_event_rows_make_event:
 * @rows: an answer
 * @position: a row
 *
 * Makes the event of a row, with the fields a list shows only: not for editing.
 *
 * Returns: (transfer full): a new event
 */
EvtEvent *
evt_event_rows_make_event (EvtEventRows *rows,
                           guint         position)
{
  const Row *row;
  EvtEvent *event;
  const char *tzid;
  const char *slugs;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) ostart = NULL;
  g_autoptr(GDateTime) oend = NULL;
  g_auto(GStrv) sectors = NULL;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (position < rows->n_rows, NULL);

  row = &rows->rows[position];
  event = evt_event_new ();
  evt_event_set_id (event, row->id);
  evt_event_set_uid (event, row->uid);
  evt_event_set_title (event, row->title);
  evt_event_set_kind (event, row->kind);
  evt_event_set_status (event, row->status);
  evt_event_set_status_reason (event, row_shared (rows, row, SHARED_STATUS_REASON));

  tzid = row_shared (rows, row, SHARED_TZID);
  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    tz = g_time_zone_new_identifier (EVT_DEFAULT_TIMEZONE);
  evt_event_set_timezone (event, tzid);
  start = parse_local_iso (row_shared (rows, row, SHARED_START), tz);
  end = parse_local_iso (row_shared (rows, row, SHARED_END), tz);
  evt_event_set_dates (event, row->all_day, start, end);
  ostart = parse_local_iso (row_shared (rows, row, SHARED_ORIGINAL_START), tz);
  oend = parse_local_iso (row_shared (rows, row, SHARED_ORIGINAL_END), tz);
  evt_event_set_original_dates (event, ostart, oend);

  evt_event_set_venue (event, row_shared (rows, row, SHARED_VENUE));
  evt_event_set_city (event, row_shared (rows, row, SHARED_CITY));
  evt_event_set_country (event, row_shared (rows, row, SHARED_COUNTRY));
  slugs = row_shared (rows, row, SHARED_SECTORS);
  if (slugs != NULL)
    sectors = g_strsplit (slugs, ",", -1);
  evt_event_set_sectors (event, (const char * const *) sectors);

  return event;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *events;

  if (g_task_return_error_if_cancelled (task))
    return;

  events = evt_store_query_cancellable (source_object, task_data, cancellable, &error);
  if (events != NULL)
    g_task_return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * evt_store_query_async:
 * @self: a store
 * @query: (nullable): what to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Does evt_store_query() in a worker thread.
 */
void
evt_store_query_async (EvtStore            *self,
                       const EvtQuery      *query,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EVT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, evt_store_query_async);
  if (query != NULL)
    g_task_set_task_data (task, evt_query_copy (query), (GDestroyNotify) evt_query_free);
  g_task_run_in_thread (task, query_thread);
}

/**
 * evt_store_query_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtEvent): the events, or %NULL
 */
GPtrArray *
evt_store_query_finish (EvtStore      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * evt_store_count_events:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: the number of events, or -1 on error
 */
gint64
evt_store_count_events (EvtStore  *self,
                        GError   **error)
{
  gint64 count = -1;

  g_return_val_if_fail (EVT_IS_STORE (self), -1);

  if (!check_open (self, error))
    return -1;

  g_rec_mutex_lock (&self->lock);
  if (!read_int (self, "SELECT count(*) FROM events", &count, error))
    count = -1;
  g_rec_mutex_unlock (&self->lock);

  return count;
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, EVT_STORE_ERROR, EVT_STORE_ERROR_INVALID, message);
  if (error != NULL && *error != NULL)
    evt_store_error_get_private (*error)->field = g_strdup (field);
  return FALSE;
}

static gboolean
is_midnight (GDateTime *dt)
{
  return g_date_time_get_hour (dt) == 0 && g_date_time_get_minute (dt) == 0 &&
         g_date_time_get_second (dt) == 0;
}

static gboolean
sector_exists (EvtStore   *self,
               const char *slug)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT 1 FROM sectors WHERE slug = ?",
                                          NULL);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, slug);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
known_sector_slugs (EvtStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
                                          "SELECT slug FROM sectors ORDER BY position, slug",
                                          NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, column_text (stmt, 0));
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * evt_store_validate_event:
 * @self: a store
 * @event: an event
 * @error: return location for a #GError
 *
 * Checks @event as evt_store_insert_event() and evt_store_update_event() do.
 * The message of %EVT_STORE_ERROR_INVALID names the field and what is wrong.
 *
 * Returns: %TRUE if @event can be saved
 */
gboolean
evt_store_validate_event (EvtStore  *self,
                          EvtEvent  *event,
                          GError   **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  const char *title = evt_event_get_title (event);
  const char *url = evt_event_get_url (event);
  const char * const *sectors = evt_event_get_sectors (event);
  GDateTime *start = evt_event_get_start (event);
  GDateTime *end = evt_event_get_end (event);
  GDateTime *ostart = evt_event_get_original_start (event);
  GDateTime *oend = evt_event_get_original_end (event);
  gboolean all_day = evt_event_get_all_day (event);
  g_autofree char *stripped_title = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);

  if (stripped_title[0] == '\0')
    return invalid (error, "title", _("Title: an event needs a title"));

  if ((guint) evt_event_get_kind (event) >= EVT_N_KINDS)
    return invalid (error, "kind", _("Kind: unknown kind %d"), evt_event_get_kind (event));
  if ((guint) evt_event_get_status (event) >= EVT_N_STATUSES)
    return invalid (error, "status", _("Status: unknown status %d"),
                    evt_event_get_status (event));
  if ((guint) evt_event_get_visibility (event) > EVT_VISIBILITY_INTERNAL)
    return invalid (error, "visibility", _("Visibility: unknown visibility %d"),
                    evt_event_get_visibility (event));

  tz = g_time_zone_new_identifier (evt_event_get_timezone (event));
  if (tz == NULL)
    return invalid (error, "timezone",
                    _("Time zone: “%s” is not a known time zone (expected e.g. Europe/Paris)"),
                    evt_event_get_timezone (event));

  if (start == NULL)
    return invalid (error, "start", _("Start: the start date is missing"));
  if (end == NULL)
    return invalid (error, "end", _("End: the end date is missing"));
  if (g_date_time_compare (end, start) < 0)
    {
      g_autofree char *s = evt_date_format_iso (start, all_day);
      g_autofree char *e = evt_date_format_iso (end, all_day);
      return invalid (error, "end", _("End: the end (%s) is before the start (%s)"), e, s);
    }
  if (all_day && (!is_midnight (start) || !is_midnight (end)))
    return invalid (error, "start",
                    _("Start: an all-day event starts and ends on whole days"));
  if ((ostart == NULL) != (oend == NULL))
    return invalid (error, "original-start",
                    _("Original dates: both the original start and end are needed"));
  if (ostart != NULL && g_date_time_compare (oend, ostart) < 0)
    return invalid (error, "original-start",
                    _("Original dates: the original end is before the original start"));

  if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    return invalid (error, "url", _("URL: “%s” is not a web address (expected https://…)"),
                    url);

  if (evt_event_get_budget_cents (event) < -1)
    return invalid (error, "budget-cents", _("Budget: a budget cannot be negative"));

  if (sectors != NULL)
    {
      gboolean ok = TRUE;
      g_autofree char *unknown = NULL;
      g_autofree char *known = NULL;

      g_rec_mutex_lock (&self->lock);
      for (guint i = 0; ok && sectors[i] != NULL; i++)
        if (!sector_exists (self, sectors[i]))
          {
            ok = FALSE;
            unknown = g_strdup (sectors[i]);
            known = known_sector_slugs (self);
          }
      g_rec_mutex_unlock (&self->lock);

      if (!ok)
        return invalid (error, "sectors", _("Sectors: unknown sector “%s” (known: %s)"),
                        unknown, known);
    }

  return TRUE;
}

static gboolean
write_sectors (EvtStore    *self,
               gint64       id,
               EvtEvent    *event,
               GError     **error)
{
  const char * const *sectors = evt_event_get_sectors (event);
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  del = prepare (self, "DELETE FROM event_sectors WHERE event_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (sqlite3_step (del) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (self, _("cannot save the sectors"), error);
      return FALSE;
    }

  if (sectors == NULL)
    return TRUE;

  ins = prepare (self,
                 "INSERT OR IGNORE INTO event_sectors (event_id, sector_id)"
                 " SELECT ?, id FROM sectors WHERE slug = ?", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; sectors[i] != NULL; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, id);
      bind_text (ins, 2, sectors[i]);
      if (sqlite3_step (ins) != SQLITE_DONE)
        {
          evt_store_set_sqlite_error (self, _("cannot save the sectors"), error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds every stored column of @event, in the order of EVENT_WRITE_COLUMNS. */
#define EVENT_WRITE_COLUMNS \
  "uid, title, kind, status, status_reason, all_day, start, end, tzid," \
  " original_start, original_end, venue, city, country, organiser, partners, url," \
  " description, notes, budget_cents, visibility, sequence, created, modified, series," \
  " source, recurrence_id"
#define N_EVENT_WRITE_COLUMNS 27

static void
bind_event (sqlite3_stmt *stmt,
            EvtEvent     *event)
{
  gboolean all_day = evt_event_get_all_day (event);
  gint64 budget = evt_event_get_budget_cents (event);
  int i = 1;

  bind_text (stmt, i++, evt_event_get_uid (event));
  bind_text (stmt, i++, evt_event_get_title (event));
  bind_text (stmt, i++, evt_kind_to_string (evt_event_get_kind (event)));
  bind_text (stmt, i++, evt_status_to_string (evt_event_get_status (event)));
  bind_text (stmt, i++, evt_event_get_status_reason (event));
  sqlite3_bind_int (stmt, i++, all_day);
  sqlite3_bind_text (stmt, i++, local_iso (evt_event_get_start (event), all_day), -1, g_free);
  sqlite3_bind_text (stmt, i++, local_iso (evt_event_get_end (event), all_day), -1, g_free);
  bind_text (stmt, i++, evt_event_get_timezone (event));
  sqlite3_bind_text (stmt, i++, local_iso (evt_event_get_original_start (event), all_day),
                     -1, g_free);
  sqlite3_bind_text (stmt, i++, local_iso (evt_event_get_original_end (event), all_day),
                     -1, g_free);
  bind_text (stmt, i++, evt_event_get_venue (event));
  bind_text (stmt, i++, evt_event_get_city (event));
  bind_text (stmt, i++, evt_event_get_country (event));
  bind_text (stmt, i++, evt_event_get_organiser (event));
  bind_text (stmt, i++, evt_event_get_partners (event));
  bind_text (stmt, i++, evt_event_get_url (event));
  bind_text (stmt, i++, evt_event_get_description (event));
  bind_text (stmt, i++, evt_event_get_notes (event));
  if (budget >= 0)
    sqlite3_bind_int64 (stmt, i++, budget);
  else
    sqlite3_bind_null (stmt, i++);
  bind_text (stmt, i++, evt_visibility_to_string (evt_event_get_visibility (event)));
  sqlite3_bind_int (stmt, i++, evt_event_get_sequence (event));
  sqlite3_bind_text (stmt, i++, datetime_to_utc_iso (evt_event_get_created (event)), -1,
                     g_free);
  sqlite3_bind_text (stmt, i++, datetime_to_utc_iso (evt_event_get_modified (event)), -1,
                     g_free);
  bind_text (stmt, i++, evt_event_get_series (event));
  bind_text (stmt, i++, evt_event_get_source (event));
  bind_text (stmt, i++, evt_event_get_recurrence_id (event));

  g_assert (i == N_EVENT_WRITE_COLUMNS + 1);
}

static void
set_timestamps (EvtEvent   *event,
                gboolean    keep_created)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* Whole seconds: what the database keeps, so that a saved event equals a read one. */
  g_autoptr(GDateTime) now_s = g_date_time_add (now, -(g_date_time_get_microsecond (now)));

  if (!keep_created || evt_event_get_created (event) == NULL)
    evt_event_set_created (event, now_s);
  evt_event_set_modified (event, now_s);
}

/**
 * evt_store_insert_event:
 * @self: a store
 * @event: a new event
 * @error: return location for a #GError
 *
 * Validates and saves @event, then sets its id. A missing uid is generated; the
 * sequence, creation and modification times given (by an import) are kept,
 * otherwise they start at 0 and now.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_store_insert_event (EvtStore  *self,
                        EvtEvent  *event,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(EvtEvent) copy = NULL;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);

  if (!evt_store_validate_event (self, event, error))
    return FALSE;

  /* Work on a copy so that @event is untouched when the insert fails. */
  copy = evt_event_copy (event);
  if (evt_event_get_uid (copy) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      uid = g_strdup_printf ("%s@eventail", uuid);
      evt_event_set_uid (copy, uid);
    }
  if (evt_event_get_created (copy) == NULL)
    set_timestamps (copy, FALSE);
  else if (evt_event_get_modified (copy) == NULL)
    evt_event_set_modified (copy, evt_event_get_created (copy));

  if (!evt_store_begin (self, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO events (" EVENT_WRITE_COLUMNS ") VALUES ("
                        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_event (stmt, copy);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT,
                     _("UID: an event with uid “%s” already exists"),
                     evt_event_get_uid (copy));
      else
        evt_store_set_sqlite_error (self, _("cannot add the event"), error);
      goto fail;
    }
  evt_event_set_id (copy, sqlite3_last_insert_rowid (self->db));
  if (!write_sectors (self, evt_event_get_id (copy), copy, error))
    goto fail;

  self->changed = TRUE;
  if (!evt_store_commit (self, error))
    return FALSE;

  evt_event_set_id (event, evt_event_get_id (copy));
  evt_event_set_uid (event, evt_event_get_uid (copy));
  evt_event_set_created (event, evt_event_get_created (copy));
  evt_event_set_modified (event, evt_event_get_modified (copy));
  return TRUE;

fail:
  evt_store_rollback (self);
  return FALSE;
}

/**
 * evt_store_update_event:
 * @self: a store
 * @event: an event read from this store, then changed
 * @error: return location for a #GError
 *
 * Validates and saves @event. When a field that is published in iCalendar feeds
 * changed, the sequence is bumped (to at least the stored one plus one; an import
 * may set a higher one); the modification time is set to now.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_store_update_event (EvtStore  *self,
                        EvtEvent  *event,
                        GError   **error)
{
  g_autoptr(EvtEvent) old = NULL;
  g_autoptr(EvtEvent) copy = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int sequence;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);
  g_return_val_if_fail (EVT_IS_EVENT (event), FALSE);

  if (evt_event_get_id (event) <= 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND,
                   _("The event “%s” was never saved"),
                   evt_event_get_title (event) ? evt_event_get_title (event) : "");
      return FALSE;
    }

  if (!evt_store_validate_event (self, event, error))
    return FALSE;

  if (!evt_store_begin (self, error))
    return FALSE;

  old = evt_store_get_event (self, evt_event_get_id (event), error);
  if (old == NULL)
    goto fail;

  copy = evt_event_copy (event);
  if (evt_event_get_uid (copy) == NULL)
    evt_event_set_uid (copy, evt_event_get_uid (old));
  sequence = evt_event_get_sequence (old);
  if (!evt_event_publish_equal (old, copy))
    sequence++;
  evt_event_set_sequence (copy, MAX (sequence, evt_event_get_sequence (event)));
  evt_event_set_created (copy, evt_event_get_created (old));
  set_timestamps (copy, TRUE);

  stmt = prepare (self, "UPDATE events SET (" EVENT_WRITE_COLUMNS ") = ("
                        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " ?, ?, ?, ?, ?) WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_event (stmt, copy);
  sqlite3_bind_int64 (stmt, N_EVENT_WRITE_COLUMNS + 1, evt_event_get_id (copy));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT,
                     _("UID: an event with uid “%s” already exists"),
                     evt_event_get_uid (copy));
      else
        evt_store_set_sqlite_error (self, _("cannot save the event"), error);
      goto fail;
    }
  if (!write_sectors (self, evt_event_get_id (copy), copy, error))
    goto fail;

  self->changed = TRUE;
  if (!evt_store_commit (self, error))
    return FALSE;

  evt_event_set_uid (event, evt_event_get_uid (copy));
  evt_event_set_sequence (event, evt_event_get_sequence (copy));
  evt_event_set_created (event, evt_event_get_created (copy));
  evt_event_set_modified (event, evt_event_get_modified (copy));
  return TRUE;

fail:
  evt_store_rollback (self);
  return FALSE;
}

/**
 * evt_store_delete_event:
 * @self: a store
 * @id: the event's id
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the event was deleted; %EVT_STORE_ERROR_NOT_FOUND if there
 *   was none
 */
gboolean
evt_store_delete_event (EvtStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);

  if (!evt_store_begin (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM events WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (self, _("cannot delete the event"), error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND,
                   _("No event with id %lld"), (long long) id);
      goto fail;
    }

  self->changed = TRUE;
  return evt_store_commit (self, error);

fail:
  evt_store_rollback (self);
  return FALSE;
}

/* --- Sectors ----------------------------------------------------------------- */

/**
 * evt_store_list_sectors:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type EvtSector): the sectors, in the
 *   order people arranged them
 */
GPtrArray *
evt_store_list_sectors (EvtStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) sectors = g_ptr_array_new_with_free_func ((GDestroyNotify) evt_sector_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (EVT_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self, "SELECT slug, name, colour FROM sectors ORDER BY position, slug",
                  error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (sectors, evt_sector_new (column_text (stmt, 0),
                                                  column_text (stmt, 1),
                                                  column_text (stmt, 2)));
      if (rc != SQLITE_DONE)
        evt_store_set_sqlite_error (self, _("cannot read sectors"), error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_rec_mutex_unlock (&self->lock);

  return rc == SQLITE_DONE ? g_steal_pointer (&sectors) : NULL;
}

/**
 * evt_store_get_sector:
 * @self: a store
 * @slug: the sector's identifier
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sector, or %NULL with
 *   %EVT_STORE_ERROR_NOT_FOUND
 */
EvtSector *
evt_store_get_sector (EvtStore    *self,
                      const char  *slug,
                      GError     **error)
{
  g_autoptr(GPtrArray) sectors = evt_store_list_sectors (self, error);

  if (sectors == NULL)
    return NULL;

  for (guint i = 0; i < sectors->len; i++)
    {
      EvtSector *sector = g_ptr_array_index (sectors, i);
      if (g_strcmp0 (sector->slug, slug) == 0)
        return evt_sector_copy (sector);
    }

  g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND,
               _("No sector “%s”"), slug);
  return NULL;
}

static gboolean
is_valid_slug (const char *slug)
{
  if (slug == NULL || slug[0] == '\0' || slug[0] == '-')
    return FALSE;
  for (const char *p = slug; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_valid_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

/**
 * evt_store_save_sector:
 * @self: a store
 * @sector: a sector, new (unknown slug) or existing
 * @error: return location for a #GError
 *
 * Adds @sector, or renames and recolours the sector with the same slug.
 *
 * Returns: %TRUE if saved
 */
gboolean
evt_store_save_sector (EvtStore         *self,
                       const EvtSector  *sector,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);
  g_return_val_if_fail (sector != NULL, FALSE);

  if (!is_valid_slug (sector->slug))
    return invalid (error, "slug", _("Sector: “%s” is not a valid identifier (expected "
                                     "lower-case letters, digits and dashes)"),
                    sector->slug ? sector->slug : "");
  if (sector->name == NULL || sector->name[0] == '\0')
    return invalid (error, "name", _("Sector: a sector needs a name"));
  if (!is_valid_colour (sector->colour))
    return invalid (error, "colour", _("Sector: “%s” is not a colour (expected #rrggbb)"),
                    sector->colour ? sector->colour : "");

  if (!evt_store_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO sectors (slug, name, colour, position)"
                  " VALUES (?1, ?2, ?3, (SELECT ifnull (max (position), -1) + 1 FROM sectors))"
                  " ON CONFLICT (slug) DO UPDATE SET name = ?2, colour = ?3", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, sector->slug);
  bind_text (stmt, 2, sector->name);
  bind_text (stmt, 3, sector->colour);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      evt_store_set_sqlite_error (self, _("cannot save the sector"), error);
      goto fail;
    }

  self->changed = TRUE;
  return evt_store_commit (self, error);

fail:
  evt_store_rollback (self);
  return FALSE;
}

/**
 * evt_store_remove_sector:
 * @self: a store
 * @slug: the sector's identifier
 * @error: return location for a #GError
 *
 * Removes a sector that no event uses.
 *
 * Returns: %TRUE if removed; %EVT_STORE_ERROR_CONSTRAINT if events use it
 */
gboolean
evt_store_remove_sector (EvtStore    *self,
                         const char  *slug,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (EVT_IS_STORE (self), FALSE);

  if (!evt_store_begin (self, error))
    return FALSE;

  stmt = prepare (self, "DELETE FROM sectors WHERE slug = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, slug);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      /* ON DELETE RESTRICT fails as SQLITE_CONSTRAINT_TRIGGER, not _FOREIGNKEY. */
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_CONSTRAINT,
                     _("Sector: “%s” is used by events; remove it from them first"), slug);
      else
        evt_store_set_sqlite_error (self, _("cannot remove the sector"), error);
      goto fail;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, EVT_STORE_ERROR, EVT_STORE_ERROR_NOT_FOUND,
                   _("No sector “%s”"), slug);
      goto fail;
    }

  self->changed = TRUE;
  return evt_store_commit (self, error);

fail:
  evt_store_rollback (self);
  return FALSE;
}
