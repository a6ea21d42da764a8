#pragma once

#include "app/mapping/schemedocument.h"

#include <QObject>

class QUndoStack;

namespace rs {

// The scheme open in the editor and its undo history. Every change replaces the whole document
// (a scheme is a few kilobytes), so undo and redo are exact: the document after an undo is the
// one before the change, byte for byte.
class SchemeEditSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemeEditSession)

public:
    explicit SchemeEditSession(QObject *parent = nullptr);
    ~SchemeEditSession() override;

    // A scheme opened from `name` ("builtin:…" or a file name); clears the history.
    void open(const QString &name, const SchemeDocument &document);
    const SchemeDocument &document() const { return m_document; }
    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    // Differs from what was opened or last saved.
    bool isModified() const;
    void markSaved();

    // One undoable step. Consecutive changes with the same non-zero `mergeKey` (typing in one
    // box) are one step.
    void change(const SchemeDocument &after, const QString &description, int mergeKey = 0);
    QUndoStack *undoStack() const { return m_undo; }

Q_SIGNALS:
    void documentChanged();

private:
    friend class SchemeChangeCommand;
    void replace(const SchemeDocument &document);

    QString m_name;
    SchemeDocument m_document;
    SchemeDocument m_saved;
    QUndoStack *m_undo = nullptr;
};

} // namespace rs
