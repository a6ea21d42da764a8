#pragma once

#include "app/store/storelocation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rs {

// One forward step of the schema. Steps are applied in order, each in its own transaction,
// and never edited once released: a change to the schema is a new step.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// Every step, oldest first, in the driver's spelling (the same steps on both). The database's
// version is the highest step applied.
QList<Migration> schemaMigrations(StoreDriver driver);

int latestSchemaVersion();

} // namespace rs
