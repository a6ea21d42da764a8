#include "models/schemeeditsession.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace rs {

class SchemeChangeCommand final : public QUndoCommand
{
public:
    SchemeChangeCommand(SchemeEditSession &session, SchemeDocument before, SchemeDocument after,
                        const QString &description, int mergeKey)
        : QUndoCommand(description)
        , m_session(session)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(mergeKey)
    { }

    void undo() override { m_session.replace(m_before); }
    void redo() override { m_session.replace(m_after); }
    int id() const override { return m_mergeKey == 0 ? -1 : m_mergeKey; }
    bool mergeWith(const QUndoCommand *other) override
    {
        m_after = static_cast<const SchemeChangeCommand *>(other)->m_after;
        return true;
    }

private:
    SchemeEditSession &m_session;
    SchemeDocument m_before;
    SchemeDocument m_after;
    int m_mergeKey;
};

SchemeEditSession::SchemeEditSession(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{ }

SchemeEditSession::~SchemeEditSession()
{
    // The commands refer to this session: gone before it is, and silently (whoever listens to
    // the stack may be half destroyed by now).
    m_undo->blockSignals(true);
    m_undo->clear();
}

void SchemeEditSession::open(const QString &name, const SchemeDocument &document)
{
    m_undo->clear();
    m_name = name;
    m_saved = document;
    replace(document);
}

bool SchemeEditSession::isModified() const
{
    return !(m_document == m_saved);
}

void SchemeEditSession::markSaved()
{
    m_saved = m_document;
}

void SchemeEditSession::change(const SchemeDocument &after, const QString &description,
                               int mergeKey)
{
    if (after == m_document)
        return;
    m_undo->push(new SchemeChangeCommand(*this, m_document, after, description, mergeKey));
}

void SchemeEditSession::replace(const SchemeDocument &document)
{
    m_document = document;
    Q_EMIT documentChanged();
}

} // namespace rs
