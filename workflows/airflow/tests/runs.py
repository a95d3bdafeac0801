"""Running DAG runs in this process, as the scheduler would, for runs that dag.test() does not create."""

from __future__ import annotations

from datetime import datetime


def sync_dags() -> None:
    """Parses the DAG folder into the metadata database, as the DAG processor does."""
    from airflow.dag_processing.bundles.manager import DagBundlesManager
    from airflow.dag_processing.dagbag import BundleDagBag, sync_bag_to_db
    from airflow.utils.session import create_session

    manager = DagBundlesManager()
    with create_session() as session:
        manager.sync_bundles_to_db(session=session)
    for bundle in manager.get_all_dag_bundles():
        if not bundle.is_initialized:
            bundle.initialize()
        bag = BundleDagBag(dag_folder=bundle.path, bundle_path=bundle.path, bundle_name=bundle.name)
        assert not bag.import_errors, bag.import_errors
        sync_bag_to_db(bag, bundle.name, bundle.version)


def backfill(dag, start: datetime, end: datetime):
    """``airflow backfill create``: the runs of every data interval from ``start`` to ``end``, oldest first."""
    from airflow.models.backfill import ReprocessBehavior, _create_backfill
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from sqlalchemy import select

    created = _create_backfill(dag_id=dag.dag_id, from_date=start, to_date=end, max_active_runs=1, reverse=False,
                               dag_run_conf=None, triggering_user_name="test",
                               reprocess_behavior=ReprocessBehavior.COMPLETED)
    with create_session() as session:
        runs = session.scalars(select(DagRun).where(DagRun.backfill_id == created.id)
                               .order_by(DagRun.logical_date)).all()
        session.expunge_all()
    return runs


def run(dag, dag_run_id: str):
    """Runs one existing DAG run's tasks to the end, in this process (the loop of dag.test())."""
    from airflow.models.dagrun import DagRun
    from airflow.sdk import DagRunState, TaskInstanceState
    from airflow.sdk.definitions.dag import _run_task
    from airflow.serialization.serialized_objects import DagSerialization
    from airflow.settings import Session
    from sqlalchemy import select

    scheduler_dag = DagSerialization.deserialize_dag(DagSerialization.serialize_dag(dag))
    session = Session()
    dr = session.scalar(select(DagRun).where(DagRun.dag_id == dag.dag_id, DagRun.run_id == dag_run_id))
    dr.dag = scheduler_dag
    dr.state = DagRunState.RUNNING
    session.commit()
    for _ in range(500):
        if dr.state != DagRunState.RUNNING:
            break
        session.expire_all()
        schedulable, _ = dr.update_state(session=session)
        for ti in schedulable:
            ti.try_number += 1
            ti.state = TaskInstanceState.SCHEDULED
        session.commit()
        for ti in [t for t in dr.get_task_instances(session=session) if t.state == TaskInstanceState.SCHEDULED]:
            _run_task(ti=ti, task=dag.task_dict[ti.task_id], run_triggerer=True)
    session.expire_all()
    final = session.scalar(select(DagRun).where(DagRun.dag_id == dag.dag_id, DagRun.run_id == dag_run_id))
    session.close()
    return final
